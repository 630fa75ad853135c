/**
 * Imported (node --import) into the real server process by test/process-faults.test.ts, never by
 * the app: on SIGUSR2 it makes a fault that nothing catches, of the kind HY_TEST_FAULT names.
 */
process.on('SIGUSR2', () => {
  setImmediate(() => {
    if (process.env.HY_TEST_FAULT === 'reject') void Promise.reject(new Error('test fault: a rejection nobody handles'));
    else throw new Error('test fault: an exception nobody catches');
  });
});
