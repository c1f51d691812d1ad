/** RFC 822 date as RSS 2.0 wants it, in UTC ("Tue, 05 Mar 2024 10:00:00 GMT"). */
export function rfc822Utc(iso: string): string {
  return new Date(iso).toUTCString();
}

/** RFC 822 date in a fixed offset ("Tue, 05 Mar 2024 19:00:00 +0900"), as Japanese sites send. */
export function rfc822WithOffset(iso: string, offsetMinutes: number): string {
  const shifted = new Date(new Date(iso).getTime() + offsetMinutes * 60_000);
  const head = shifted.toUTCString().replace(/ GMT$/, '');
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${head} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** ISO 8601 with a fixed offset ("2024-03-05T19:00:00+09:00"). */
export function isoWithOffset(iso: string, offsetMinutes: number): string {
  const shifted = new Date(new Date(iso).getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${shifted}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "March 5, 2024 10:05 AM UTC": how a page prints a time for people. */
export function humanDateUtc(iso: string): string {
  const d = new Date(iso);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const hours = d.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${h12}:${pad(d.getUTCMinutes())} ${hours < 12 ? 'AM' : 'PM'} UTC`;
}

/** "2024年3月5日 19時00分" in Japan time, for the Japanese outlet's pages. */
export function japaneseDate(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 9 * 60 * 60_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}時${pad(d.getUTCMinutes())}分`;
}

/** "2024-03-05 18:02:11" in Beijing time, as the state-media template prints it. */
export function beijingTimestamp(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 60 * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
