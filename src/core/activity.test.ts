import { describe, expect, it } from 'vitest';
import { activity, stepAside } from './activity.js';

describe('requests in flight and background work stepping aside', () => {
  it('counts others besides the caller’s own request, never below zero', () => {
    const base = activity.others();
    activity.enter();
    activity.enter();
    expect(activity.others()).toBe(base + 2);
    expect(activity.others(1)).toBe(base + 1);
    activity.leave();
    activity.leave();
    expect(activity.others()).toBe(base);
    expect(activity.others(5)).toBe(0);
  });

  it('waits while another request runs and goes on when it ends', async () => {
    activity.enter();
    setTimeout(() => activity.leave(), 40);
    const waited = await stepAside({ own: 0, maxMs: 5000 });
    expect(waited).toBeGreaterThanOrEqual(30);
    expect(activity.others()).toBe(0);
  });

  it('does not wait when nobody else is in flight, and never longer than maxMs', async () => {
    expect(await stepAside({ own: 0, maxMs: 5000 })).toBeLessThan(30);
    activity.enter();
    try {
      const waited = await stepAside({ own: 0, maxMs: 60 });
      expect(waited).toBeGreaterThanOrEqual(55);
      expect(waited).toBeLessThan(5000);
    } finally {
      activity.leave();
    }
  });
});
