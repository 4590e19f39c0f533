import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'producer-send-error-ignored',
  meta: {
    category: 'delivery',
    defaultSeverity: 'warning',
    description: 'A produce call whose failure no code acts on: a floating send promise, a catch that only logs, or delivery reports nobody reads.',
    messages: {
      promiseDropped:
        'Nothing acts on a failure of this {{method}}(): its promise is neither awaited nor returned, or the catch that receives the error only logs it. A record the broker rejects or never receives is lost while the code carries on as if it was written.',
      deliveryUnread:
        'Nothing reads the delivery error of this produce(): librdkafka reports a failed delivery only through a delivery report (dr_cb or dr_msg_cb, a poll loop, and a listener that looks at err). produce() returning means the record was queued, not written.',
    },
    help: 'Await (or return) the send and let the error reach code that retries, fails the request, or records it; for node-rdkafka enable dr_cb, poll, and check err in the delivery-report listener.',
    inputs: ['code'],
  },
  check({ model, report }) {
    for (const client of model.clients) {
      if (client.role !== 'producer') continue;
      for (const send of client.code?.sends ?? []) {
        if (send.failureObserved) continue;
        const method = send.method ?? 'send';
        report({ messageId: method === 'produce' ? 'deliveryUnread' : 'promiseDropped', data: { method }, location: send.location, subject: client, fingerprintKey: method });
      }
    }
  },
});
