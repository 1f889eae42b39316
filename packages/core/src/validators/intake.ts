import { z } from "zod";
import { ZWebUrl } from "./agreement-editing";

/** The longest report intake reads: about forty pages of news text. */
export const INTAKE_MAX_TEXT_LENGTH = 200_000;

/** NUL and the other C0 controls but tab and line breaks never occur in news text: such input is a binary file. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code <= 8 || (code >= 14 && code <= 31)) return true;
  }
  return false;
}

/** A report pasted by an editor: plain text or an HTML page, with what is known of where it came from. */
export const ZIntakeAnalyzeInput = z.object({
  text: z
    .string()
    .max(INTAKE_MAX_TEXT_LENGTH, `must be at most ${INTAKE_MAX_TEXT_LENGTH.toLocaleString("en")} characters`)
    .refine((text) => text.trim().length > 0, "must not be empty")
    .refine((text) => !hasControlCharacters(text), "looks like binary data, not a report"),
  url: ZWebUrl.optional(),
  publishedOn: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD")
    .refine((value) => {
      const [year, month = "01", day = "01"] = value.split("-");
      const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === `${year}-${month}-${day}`;
    }, "is not a calendar date")
    .optional(),
  /** The report's language when the editor knows it; detected otherwise. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, "must be a language code such as en or fr")
    .optional(),
});
export type TIntakeAnalyzeInput = z.input<typeof ZIntakeAnalyzeInput>;

/** A report added to an existing record: previewed without `accept`, saved with the keys of the changes the editor accepts. */
export const ZIntakeAttachInput = z.object({
  id: z.uuid(),
  /** The version the editor is looking at; a newer one means someone saved meanwhile. */
  expectedVersion: z.number().int().min(1),
  report: ZIntakeAnalyzeInput,
  accept: z.array(z.string().max(40)).max(200).optional(),
});
