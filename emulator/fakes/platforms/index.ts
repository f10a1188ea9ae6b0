/**
 * The fake platforms (DESIGN §14), installed on a runtime's UrlFetchApp. Nothing leaves the
 * machine: each platform's host is served from the shared PlatformWorld.
 */
import type { UrlFetchApp } from '../../services/url-fetch';
import { FACEBOOK_HOST, FacebookFake } from './facebook';
import { INSTAGRAM_HOST, InstagramFake } from './instagram';
import { PlatformAccounts, PlatformWorld } from './world';
import { X_HOSTS, XFake } from './x';
import { YOUTUBE_HOST, YouTubeFake } from './youtube';

export * from './world';
export { YOUTUBE_DAILY_UNITS, YOUTUBE_UNITS, YouTubeFake } from './youtube';

export interface Platforms {
  world: PlatformWorld;
  youtube: YouTubeFake;
}

export function installPlatforms(urlFetch: UrlFetchApp, accounts: PlatformAccounts, now: () => Date): Platforms {
  const world = new PlatformWorld(accounts, now);
  const youtube = new YouTubeFake(world);
  urlFetch._route(YOUTUBE_HOST, youtube.host);
  urlFetch._route(INSTAGRAM_HOST, new InstagramFake(world).host);
  urlFetch._route(FACEBOOK_HOST, new FacebookFake(world).host);
  const x = new XFake(world).host;
  for (const host of X_HOSTS) urlFetch._route(host, x);
  return { world, youtube };
}
