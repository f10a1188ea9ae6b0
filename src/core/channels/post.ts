/**
 * A post captured from a channel (DESIGN §14): what every platform's response is parsed into,
 * whatever its shape. `platformId` is unique within its channel (dedup key: channel + id);
 * `parent` is what the post answers (a video, media, page post or another post; '' when none).
 */
export const CHANNEL_NAMES = ['YouTube', 'Instagram', 'Facebook', 'Twitter/X'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export interface ChannelPost {
  channel: ChannelName;
  platformId: string;
  author: string;
  text: string;
  url: string;
  postedAt: Date;
  parent: string;
}

/** Credentials per channel, as kept in Script Properties (never in a sheet). */
export interface ChannelCredentials {
  YouTube?: { channelId: string; apiKey: string; oauthToken?: string };
  Instagram?: { userId: string; token: string };
  Facebook?: { pageId: string; token: string };
  'Twitter/X'?: { userId: string; token: string };
}

/** Script Properties key of a channel's credential (JSON). */
export function credentialKey(channel: ChannelName): string {
  return `channel.credential.${channel}`;
}

/** Script Properties key of a channel's poll state (JSON, see poll-state.ts). */
export function stateKey(channel: ChannelName): string {
  return `channel.state.${channel}`;
}

export function dedupKey(channel: string, platformId: string): string {
  return `${channel}:${platformId}`;
}

/** The fields a credential of each channel needs (the menu dialog asks for them). */
export const CREDENTIAL_FIELDS: Record<ChannelName, string[]> = {
  YouTube: ['channelId', 'apiKey'],
  Instagram: ['userId', 'token'],
  Facebook: ['pageId', 'token'],
  'Twitter/X': ['userId', 'token'],
};

/** A credential as typed by the operator: every required field non-blank; null otherwise. */
export function parseCredential(channel: ChannelName, value: unknown): ChannelCredentials[ChannelName] | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const f of CREDENTIAL_FIELDS[channel]) {
    const s = String(v[f] ?? '').trim();
    if (!s) return null;
    out[f] = s;
  }
  if (channel === 'YouTube' && String(v.oauthToken ?? '').trim()) out.oauthToken = String(v.oauthToken).trim();
  return out as unknown as ChannelCredentials[ChannelName];
}
