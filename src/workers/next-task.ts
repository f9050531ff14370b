/**
 * Runs a callback in a task of its own, soon: how the load worker yields between steps of a load
 * so the page's queries get their turn. Not `setTimeout(…, 0)`: once
 * timers nest five deep, each waits at least 4 ms (HTML Standard, timer initialisation steps:
 * https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timer-initialisation-steps),
 * and a large file's load is a long chain of them (35 waits, 70 ms idle, in the bench file's
 * profile). A message on a MessageChannel is a task too, without that clamp
 * (https://html.spec.whatwg.org/multipage/web-messaging.html#message-channels).
 */
const queue: Array<() => void> = [];
let channel: MessageChannel | null = null;

function run(): void {
  const next = queue.shift();
  next?.();
}

export function nextTask(callback: () => void): void {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(callback, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = run;
    // Node (the tests): a port with a listener would keep the process alive.
    (channel.port1 as { unref?: () => void }).unref?.();
  }
  queue.push(callback);
  channel.port2.postMessage(null);
}
