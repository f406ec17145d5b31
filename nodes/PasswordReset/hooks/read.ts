import type { IDataObject } from "n8n-workflow";

import { isJsonObject, valueAtPath } from "../kernel/json";

/** Text at a dot path of a message, or undefined (absent, empty, or not text; a number is read as text). */
export const textAt = (body: unknown, path: string): string | undefined => {
  const value = valueAtPath(body, path);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
};

/** The object at a dot path of a message, or an empty one. */
export const objectAt = (body: unknown, path: string): IDataObject => {
  const value = valueAtPath(body, path);
  return isJsonObject(value) ? value : {};
};

/** A recipient as senders give it, one field for both channels: an address with @ is an email, else a phone number. */
export const recipient = (
  to: string | undefined,
): { email?: string; phone?: string; channel: "email" | "sms" } =>
  to === undefined || to.includes("@")
    ? { email: to, channel: "email" }
    : { phone: to, channel: "sms" };

/** An ISO time `minutes` after `from`, when a sender states a lifetime in minutes. */
export const minutesAfter = (
  from: Date,
  minutes: number | string | undefined,
): string | undefined => {
  const count = Number(minutes);
  return minutes !== undefined && Number.isFinite(count) && count > 0
    ? new Date(from.getTime() + count * 60_000).toISOString()
    : undefined;
};
