export {
  DEFAULT_RETRY_POLICY,
  deliverNextWebhook,
  type DeliveryOptions,
  type RetryPolicy,
  retryDelayMs,
  WebhookDeliveryWorker,
  type WorkerOptions,
} from "./delivery";
export { addressRefusal, assertAllowedTarget, postWebhook, type TargetPolicy, targetPolicy, TargetRefusedError } from "../domain/webhook-targets";
