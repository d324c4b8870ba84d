/**
 * Whether `url` can be an API root: an absolute http(s) address, or, against `page` (a page's
 * address, in a browser), one that begins with "/", "./" or "../". A host written without its
 * scheme is neither: "localhost:4010/api/v1" would be an address of the scheme "localhost:", and
 * "dichvucong.example.gov.vn/api/v1" a path under the page.
 */
export function isApiRoot(url: string, page?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    if (page === undefined || !/^\.{0,2}\//.test(url)) return false;
    try {
      parsed = new URL(url, page);
    } catch {
      return false;
    }
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:';
}
