/**
 * Vietnamese lunisolar calendar (âm lịch) for UTC+7.
 *
 * Implements Hồ Ngọc Đức's well-known astronomical algorithm: months start on
 * the local day of the new moon, month 11 is the month containing the winter
 * solstice, and in a 13-month year the leap month is the first one that
 * contains no major solar term (sun longitude crossing a multiple of 30°).
 * New moons and sun longitude use the truncated series from Jean Meeus,
 * "Astronomical Algorithms", exactly as in the original code.
 *
 * The time zone matters: China computes the same calendar for UTC+8, which
 * is why Tết differed in e.g. 1985 and 2007. Everything here is UTC+7.
 */
import type { PlainDate } from './plain-date.ts';
import { fromEpochDay, toEpochDay } from './plain-date.ts';

/** A lunar date; `leap` marks the intercalary copy of `month`. */
export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 13:51 UTC, the series' epoch (k = 0). */
const NEW_MOON_EPOCH_JD = 2415021.076998695;
/** Julian day number of 1970-01-01, to move between JDN and epoch days. */
const UNIX_EPOCH_JDN = 2440588;
const DEG = Math.PI / 180;

const jdnOf = (date: PlainDate): number => toEpochDay(date) + UNIX_EPOCH_JDN;
const dateOfJdn = (jdn: number): PlainDate => fromEpochDay(jdn - UNIX_EPOCH_JDN);

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-01 12:00
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  // ΔT (TT − UT) in days.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's apparent longitude in radians, [0, 2π), at a fractional Julian day. */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525; // Julian centuries since J2000
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  const L = (L0 + DL) * DEG;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/** Local day number (JDN) on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Which 30° sector (0–11) the sun is in at the start of local day `jdn`. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** JDN of the first day of lunar month 11 (the one holding the winter solstice) ending in Gregorian `year`. */
function lunarMonth11(year: number): number {
  const off = jdnOf({ year, month: 12, day: 31 }) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  // Sector ≥ 9 means the sun already passed 270° (solstice) at that new moon,
  // so the solstice month started one lunation earlier.
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** In a 13-month year starting at month 11 (`a11`), the offset of the leap month from it. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH_JD) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  // The first month with no major term starts and ends in the same sector.
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/**
 * Converts a Gregorian date to the Vietnamese lunar calendar (UTC+7).
 * @example solarToLunar(29, 1, 2025) // { year: 2025, month: 1, day: 1, leap: false }
 */
export function solarToLunar(day: number, month: number, year: number): LunarDate {
  const dayNumber = jdnOf({ year, month, day });
  // Start from the mean-lunation estimate, then step to the true month start.
  // The original compares only k and k + 1, which yields day 0 on rare dates
  // (e.g. 2054-05-07) when the true new moon trails the mean one by a day.
  let k = Math.floor((dayNumber - NEW_MOON_EPOCH_JD) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k) > dayNumber) k--;
  while (newMoonDay(k + 1) <= dayNumber) k++;
  const monthStart = newMoonDay(k);

  let a11 = lunarMonth11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1);
  }

  const lunarDay = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = diff + 11;
  // More than 365 days between two months 11 means 13 lunations: a leap year.
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month: lunarMonth, day: lunarDay, leap };
}

/**
 * Converts a Vietnamese lunar date (UTC+7) to the Gregorian calendar.
 * `year` is the lunar year as numbered by the Gregorian year it mostly overlaps
 * (Tết of lunar year 2025 is 2025-01-29). Throws a RangeError when `leap` is
 * set but that lunar year has no leap copy of `month`.
 * @example lunarToSolar(1, 1, 2026) // { year: 2026, month: 2, day: 17 }
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false): PlainDate {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Bad lunar month: ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`Bad lunar day: ${day}`);
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1);
    b11 = lunarMonth11(year);
  } else {
    a11 = lunarMonth11(year);
    b11 = lunarMonth11(year + 1);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH_JD) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) {
      throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
    }
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${year} has no leap month`);
  }
  const monthStart = newMoonDay(k + off);
  return dateOfJdn(monthStart + day - 1);
}

/** Gregorian date of Tết (1st day of the 1st lunar month) of lunar year `year`. */
export function lunarNewYear(year: number): PlainDate {
  return lunarToSolar(1, 1, year);
}
