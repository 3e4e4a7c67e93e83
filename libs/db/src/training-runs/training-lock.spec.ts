import { InProcessTrainingLock } from './training-lock';

describe('InProcessTrainingLock', () => {
  it('is held by one claimant at a time and free again once released', async () => {
    const lock = new InProcessTrainingLock();
    const held = await lock.tryAcquire();
    expect(held).not.toBeNull();
    expect(await lock.tryAcquire()).toBeNull();
    await held!.release();
    await held!.release();
    const again = await lock.tryAcquire();
    expect(again).not.toBeNull();
    expect(await lock.tryAcquire()).toBeNull();
  });
});
