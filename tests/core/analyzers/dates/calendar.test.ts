import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  weekdayOf,
} from "../../../../src/core/analyzers/dates/calendar-day.js";
import {
  comparePartialDates,
  containingPartial,
  containsDate,
  formatPartialDate,
  parsePartialDate,
  truncate,
} from "../../../../src/core/analyzers/dates/partial-date.js";

describe("calendar days", () => {
  it("knows the weekday of a day", () => {
    expect(weekdayOf({ year: 2025, month: 1, day: 26 })).toBe(0); // a Sunday
    expect(weekdayOf({ year: 1987, month: 2, day: 26 })).toBe(4); // a Thursday
  });

  it("adds days across months and years", () => {
    expect(addDays({ year: 2024, month: 12, day: 31 }, 1)).toEqual({ year: 2025, month: 1, day: 1 });
    expect(addDays({ year: 2024, month: 3, day: 1 }, -1)).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it("adds months, keeping the day inside the month", () => {
    expect(addMonths({ year: 2025, month: 1, day: 31 }, 1)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(addMonths({ year: 2025, month: 1, day: 15 }, -13)).toEqual({ year: 2023, month: 12, day: 15 });
  });

  it("numbers days as Date.UTC does, both ways", () => {
    for (let n = -200_000; n <= 200_000; n += 997) {
      const date = new Date(n * 86_400_000);
      const day = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      expect(dayNumber(day)).toBe(n);
      expect(fromDayNumber(n)).toEqual(day);
    }
  });

  it("counts leap days", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});

describe("partial dates", () => {
  it("reads and writes the three ISO precisions", () => {
    for (const iso of ["2025", "2025-01", "2025-01-26"]) {
      const date = parsePartialDate(iso);
      expect(date && formatPartialDate(date)).toBe(iso);
    }
  });

  it("rejects impossible dates", () => {
    expect(parsePartialDate("2025-02-29")).toBeUndefined();
    expect(parsePartialDate("2025-13")).toBeUndefined();
    expect(parsePartialDate("January 2025")).toBeUndefined();
  });

  it("cuts a day down to a coarser precision", () => {
    expect(truncate({ year: 2025, month: 1, day: 26 }, "month")).toEqual({ year: 2025, month: 1 });
  });

  it("tells whether one period holds another", () => {
    expect(containsDate({ year: 2025 }, { year: 2025, month: 1, day: 26 })).toBe(true);
    expect(containsDate({ year: 2025, month: 1, day: 26 }, { year: 2025 })).toBe(false);
  });

  it("gives the most precise date holding a span", () => {
    const week = containingPartial({ year: 2025, month: 9, day: 22 }, { year: 2025, month: 9, day: 28 });
    expect(week).toEqual({ year: 2025, month: 9 });
    const acrossMonths = containingPartial(
      { year: 2025, month: 9, day: 29 },
      { year: 2025, month: 10, day: 5 },
    );
    expect(acrossMonths).toEqual({ year: 2025 });
    expect(
      containingPartial({ year: 2024, month: 12, day: 30 }, { year: 2025, month: 1, day: 5 }),
    ).toBeUndefined();
  });

  it("orders by the start of the period, the coarser first", () => {
    const dates = ["2025-02", "2025-01-26", "2025", "2024-12-31", "2025-01"].map((iso) =>
      parsePartialDate(iso),
    );
    const sorted = dates
      .filter((d) => d !== undefined)
      .sort(comparePartialDates)
      .map(formatPartialDate);
    expect(sorted).toEqual(["2024-12-31", "2025", "2025-01", "2025-01-26", "2025-02"]);
  });
});
