/* Your block's calendar file (RFC 5545), made in the browser: one all-day event per session
   (VALUE=DATE, DTEND the next day), lines folded at 75 octets with CRLF ends, TEXT values
   escaped. Pure, like block.js, whose schedule it writes out; tests/js/block.test.js checks it.
   Kept apart from block.js so the week pages, which only mark today's session, do not carry it. */

import { addDays } from "./block.js";

/* The calendar (RFC 5545) of the block: one all-day event per session, DTEND the next day;
   UIDs from the plan id and the session, so importing it again updates the same events, and
   SEQUENCE from the plan's revision, so the update wins. `siteUrl` is the site's absolute
   address (ends with "/"); `now` stamps DTSTAMP. CRLF line ends, folded at 75 octets. */
const icsText = (value) => String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
  .replace(/\r\n|\r|\n/g, "\\n");
const utf8Length = (char) => new TextEncoder().encode(char).length;
export function foldLine(line) {
  const pieces = [];
  let current = "";
  let size = 0;
  for (const char of line) { // by code point, so no character is split
    const width = utf8Length(char);
    if (size + width > (pieces.length ? 74 : 75)) {
      pieces.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += width;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}
const icsDate = (day) => day.replace(/-/g, "");
const icsStamp = (now) => now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");

export function blockCalendar(plan, items, siteUrl, now) {
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Runners Lift Heavy//Your block//EN", "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH", "X-WR-CALNAME:Runners Lift Heavy: your block",
  ];
  for (const item of items) {
    const url = siteUrl + item.path;
    // No template literal inside another: the build's minifier (rJSmin) cannot read them.
    const summary = icsText("Lift: " + item.label + (item.title ? ` (${item.title})` : ""));
    const description = icsText("Runners Lift Heavy, " + item.label + (item.title ? ` (${item.title})` : "")
      + ". Open it at the gym: " + url);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${plan.id}-week-${item.week.number}-${item.session}@runners-lift-heavy`,
      `DTSTAMP:${icsStamp(now)}`,
      `SEQUENCE:${plan.revision}`,
      `DTSTART;VALUE=DATE:${icsDate(item.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(item.date, 1))}`,
      `SUMMARY:${summary}`,
      `DESCRIPTION:${description}`,
      `URL:${url}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
