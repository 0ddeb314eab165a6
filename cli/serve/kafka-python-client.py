"""A real client in Python against kafkascope serve (cli/serve/kafka-python.test.ts runs it with
Debian's python3-kafka, kafka-python 2.0.2, a pure-Python implementation of Kafka's protocol).

It produces twelve keyed records with headers (acks=all), reads them in a consumer group and
commits, then asks what an admin asks: the groups, the group's committed offsets, its description,
and a new topic. It prints one JSON object with what it saw."""
import json
import sys

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.admin import NewTopic

bootstrap = sys.argv[1]
producer = KafkaProducer(bootstrap_servers=bootstrap, acks='all')
sent = [producer.send('orders', key=f'py-{i}'.encode(), value=f'from python {i}'.encode(), headers=[('lang', b'py')]) for i in range(12)]
producer.flush()
placed = {f'py-{i}': f.get(timeout=10).partition for i, f in enumerate(sent)}
producer.close()

consumer = KafkaConsumer('orders', bootstrap_servers=bootstrap, group_id='py-group', auto_offset_reset='earliest', consumer_timeout_ms=6000, enable_auto_commit=False)
read = [{'partition': m.partition, 'offset': m.offset, 'key': m.key.decode(), 'value': m.value.decode(), 'headers': [[k, v.decode()] for k, v in m.headers]} for m in consumer]
consumer.commit()
consumer.close()

admin = KafkaAdminClient(bootstrap_servers=bootstrap)
groups = admin.list_consumer_groups()
offsets = {f'{tp.topic}-{tp.partition}': o.offset for tp, o in admin.list_consumer_group_offsets('py-group').items()}
state = admin.describe_consumer_groups(['py-group'])[0].state
admin.create_topics([NewTopic('py-topic', 2, 2)])
admin.close()
print(json.dumps({'placed': placed, 'read': read, 'groups': groups, 'offsets': offsets, 'state': state}))
