import type { Request, RequestHandler } from 'express';
import type { Config } from '../config';
import { addressKeys, limiter } from './rate-limit';

type BudgetConfig = Pick<
  Config,
  'rateLimits' | 'jwtSecret' | 'anonTipLimit' | 'anonTipNetworkLimit' | 'tipAccountLimit' | 'messageLimit' | 'messageNetworkLimit'
>;

const isSignedIn = (req: Request) => req.actor !== undefined;
const isAnonymous = (req: Request) => req.actor === undefined;
const accountKey = (req: Request) => `u:${req.actor!.id}`;

/**
 * Budgets of what people send in (tips, messages). Anonymous senders are counted per client and
 * per network (/24, /64): one phone cannot flood a queue, nor can one subnet by rotating
 * addresses. A network's budget counts accepted requests only: one sender's refused junk (no
 * proof, bad input, over its own budget) never uses up the budget of its neighbours behind the
 * same carrier NAT. Signed-in volunteers are counted per account instead, so a busy NAT never stops them.
 * Run after `identify` (they read req.actor).
 */
export function intakeBudgets(config: BudgetConfig): { tips: RequestHandler[]; messages: RequestHandler[] } {
  const isEnabled = config.rateLimits;
  // RATE_LIMITS=off: not even a pass-through step in the chain of the busiest route.
  if (!isEnabled) return { tips: [], messages: [] };
  const address = addressKeys(config.jwtSecret, 'intake');
  const tipMessage = 'Too many tips in a short time; try again later';
  const messageMessage = 'Too many messages in a short time; try again later';
  const tenMinutes = 10 * 60_000;
  const tips: RequestHandler[] = [
    limiter({ name: 'tip-client', isEnabled, windowMs: tenMinutes, limit: config.anonTipLimit, key: address.client, skip: isSignedIn, message: tipMessage }),
    limiter({ name: 'tip-network', isEnabled, windowMs: tenMinutes, limit: config.anonTipNetworkLimit, key: address.network, skip: isSignedIn, skipFailedRequests: true, message: tipMessage }),
    limiter({ name: 'tip-account', isEnabled, windowMs: 60 * 60_000, limit: config.tipAccountLimit, key: accountKey, skip: isAnonymous, message: tipMessage }),
  ];
  const messages: RequestHandler[] = [
    limiter({ name: 'message-client', isEnabled, windowMs: tenMinutes, limit: config.messageLimit, key: address.client, skip: isSignedIn, message: messageMessage }),
    limiter({ name: 'message-network', isEnabled, windowMs: tenMinutes, limit: config.messageNetworkLimit, key: address.network, skip: isSignedIn, skipFailedRequests: true, message: messageMessage }),
    // Volunteers only: police answer many threads a day and are not the flood this guards against.
    limiter({
      name: 'message-account',
      isEnabled,
      windowMs: tenMinutes,
      limit: config.messageLimit,
      key: accountKey,
      skip: (req) => req.actor?.role !== 'volunteer',
      message: messageMessage,
    }),
  ];
  return { tips, messages };
}
