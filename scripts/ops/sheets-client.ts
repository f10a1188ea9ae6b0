/**
 * The googleapis Sheets v4 client the operator tools use, for Google or (with `rootUrl`) for the
 * local fake. Requests go through Node's own fetch: gaxios would otherwise load node-fetch with a
 * dynamic import, which test runners without ESM support cannot do.
 */
import { Auth, google, sheets_v4 } from 'googleapis';

export function sheetsClient(auth: Auth.OAuth2Client, rootUrl?: string): sheets_v4.Sheets {
  return google.sheets({
    version: 'v4',
    auth,
    ...(rootUrl ? { rootUrl } : {}),
    fetchImplementation: fetch,
  } as sheets_v4.Options);
}

/** A client for the local fake Sheets API: a fixed access token, never a real one. */
export function fakeApiClient(rootUrl: string, accessToken = 'local-fake-sheets-api'): sheets_v4.Sheets {
  const auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: accessToken });
  return sheetsClient(auth, rootUrl);
}
