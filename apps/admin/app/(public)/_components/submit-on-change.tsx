"use client";

import { useEffect } from "react";

/**
 * Applies the filters as soon as a box is ticked or a choice made, so the counts beside
 * every option follow at once. Without JavaScript the form's own button does the same.
 */
export function SubmitOnChange({ formId }: { formId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const submit = (event: Event) => {
      const target = event.target;
      if ((target instanceof HTMLInputElement && target.type === "checkbox") || target instanceof HTMLSelectElement) form.requestSubmit();
    };
    form.addEventListener("change", submit);
    return () => form.removeEventListener("change", submit);
  }, [formId]);
  return null;
}
