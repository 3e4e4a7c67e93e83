import { Kafka, logLevel } from 'kafkajs';
import { getKafka } from './services';
import { uniqueName } from './unique-name';

// Proves the harness hands out a real broker: a topic is created, three keyed messages go through it, and a
// consumer group reads them back and commits its offsets on the broker.
describe('Kafka smoke test', () => {
  let kafka: Kafka;

  beforeAll(async () => {
    const { brokers } = await getKafka();
    kafka = new Kafka({ clientId: 'jobcast-smoke', brokers, logLevel: logLevel.NOTHING });
  }, 20 * 60_000);

  it('produces and consumes through a consumer group', async () => {
    const topic = uniqueName('smoke');
    const groupId = uniqueName('smoke-group');
    const admin = kafka.admin();
    await admin.connect();
    const cluster = await admin.describeCluster();
    console.log(`Kafka cluster ${cluster.clusterId}: brokers ${cluster.brokers.map((b) => `${b.host}:${b.port}`).join(', ')}`);
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });

    const producer = kafka.producer();
    await producer.connect();
    const sent = ['job-queued', 'job-started', 'job-completed'].map((status, index) => ({
      key: 'payload-1',
      value: JSON.stringify({ status, sequence: index }),
    }));
    await producer.send({ topic, messages: sent });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: string[] = [];
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            received.push(message.value?.toString() ?? '');
            if (received.length === sent.length) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect(); // commits the consumed offsets

    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();

    expect(cluster.clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(received).toEqual(sent.map((message) => message.value));
    expect(committed.partitions).toEqual([{ partition: 0, offset: '3', metadata: null }]);
  });
});
