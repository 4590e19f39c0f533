import { describe, expect, it } from 'vitest';
import { javaClientVersion } from '../../src/sources/manifests/java-packages.js';
import { sourceKindOf } from '../../src/sources/index.js';
import { lintFiles } from '../support/lint-harness.js';
import { runInTree } from '../support/run-cli.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

const PRODUCER = lines('bootstrap.servers=kafka-1:9092', 'key.serializer=org.apache.kafka.common.serialization.StringSerializer');

function pom(...body: string[]): string {
  return lines('<?xml version="1.0" encoding="UTF-8"?>', '<project>', '  <modelVersion>4.0.0</modelVersion>', ...body, '</project>');
}

function dependency(groupId: string, artifactId: string, version?: string): string {
  return lines('    <dependency>', `      <groupId>${groupId}</groupId>`, `      <artifactId>${artifactId}</artifactId>`, ...(version ? [`      <version>${version}</version>`] : []), '    </dependency>');
}

const kafkaClients = (version?: string) => pom('  <dependencies>', dependency('org.apache.kafka', 'kafka-clients', version), '  </dependencies>');

async function javaVersions(files: Record<string, string>) {
  const result = await lintFiles(files);
  expect(result.model.problems).toEqual([]);
  return result.model.dependencies.map(({ library, version, file }) => ({ library, version, file }));
}

/** Rule ids and messages of findings on the producer file, for the rules whose answer depends on the Java version. */
async function versionedFindings(files: Record<string, string>, producer = 'producer.properties') {
  const result = await lintFiles(files);
  return result.findings
    .filter((finding) => finding.file === producer && ['producer-acks-one', 'idempotence-disabled'].includes(finding.ruleId))
    .map((finding) => `${finding.ruleId}: ${finding.message}`)
    .sort();
}

describe('pom.xml', () => {
  it('reads a literal kafka-clients version and gives a producer beside it the pre-3.0 defaults', async () => {
    const files = { 'pom.xml': kafkaClients('2.8.1'), 'producer.properties': PRODUCER };
    expect(await javaVersions(files)).toEqual([{ library: 'java', version: '2.8.1', file: 'pom.xml' }]);
    const findings = await versionedFindings(files);
    expect(findings).toHaveLength(2);
    expect(findings[1]).toMatch(/^producer-acks-one: .*acks=1 \(not set: Java client 2\.8\.1 default\)/);
    expect(findings[0]).toMatch(/^idempotence-disabled: .*enable\.idempotence=false \(not set: Java client 2\.8\.1 default\)/);
  });

  it('gives a producer beside kafka-clients 3.6.0 acks=all and idempotence, so neither rule fires', async () => {
    expect(await versionedFindings({ 'pom.xml': kafkaClients('3.6.0'), 'producer.properties': PRODUCER })).toEqual([]);
  });

  it('resolves ${kafka.version} from the pom\'s own <properties>, even through another property', async () => {
    const text = pom('  <properties>', '    <kafka.major>3.1</kafka.major>', '    <kafka.version>${kafka.major}.0</kafka.version>', '  </properties>', '  <dependencies>', dependency('org.apache.kafka', 'kafka-clients', '${kafka.version}'), '  </dependencies>');
    expect(await javaVersions({ 'pom.xml': text })).toEqual([{ library: 'java', version: '3.1.0', file: 'pom.xml' }]);
    const findings = await versionedFindings({ 'pom.xml': text, 'producer.properties': PRODUCER });
    expect(findings).toEqual([expect.stringMatching(/^idempotence-disabled: .*KAFKA-13598/)]);
  });

  it('leaves the version unknown when the property comes from elsewhere (a parent pom or BOM)', async () => {
    const text = pom('  <parent>', '    <groupId>org.springframework.boot</groupId>', '    <artifactId>spring-boot-starter-parent</artifactId>', '    <version>2.4.0</version>', '  </parent>', '  <dependencies>', dependency('org.apache.kafka', 'kafka-clients', '${kafka.version}'), '  </dependencies>');
    expect(await javaVersions({ 'pom.xml': text })).toEqual([{ library: 'java', version: undefined, file: 'pom.xml' }]);
    const result = await lintFiles({ 'pom.xml': text, 'producer.properties': PRODUCER });
    expect(result.model.clients[0].libraryVersion).toBeUndefined();
    expect(await versionedFindings({ 'pom.xml': text, 'producer.properties': PRODUCER })).toEqual([]);
  });

  it('ignores a commented-out kafka-clients dependency and a property set only in a comment', async () => {
    const text = pom('  <properties>', '    <!-- <kafka.version>2.8.1</kafka.version> -->', '    <kafka.version>3.7.0</kafka.version>', '  </properties>', '  <dependencies>', '    <!--', dependency('org.apache.kafka', 'kafka-clients', '2.8.1'), '    -->', dependency('org.apache.kafka', 'kafka-clients', '${kafka.version}'), '  </dependencies>');
    expect(await javaVersions({ 'pom.xml': text })).toEqual([{ library: 'java', version: '3.7.0', file: 'pom.xml' }]);
  });

  it('does not take kafka-streams, the broker artifact, an exclusion or a plugin dependency for the client', async () => {
    const exclusion = lines('    <dependency>', '      <groupId>org.example</groupId>', '      <artifactId>events</artifactId>', '      <version>1.0.0</version>', '      <exclusions>', '        <exclusion>', '          <groupId>org.apache.kafka</groupId>', '          <artifactId>kafka-clients</artifactId>', '        </exclusion>', '      </exclusions>', '    </dependency>');
    const plugin = lines('  <build><plugins><plugin>', '    <artifactId>exec-maven-plugin</artifactId>', '    <dependencies>', dependency('org.apache.kafka', 'kafka-clients', '2.0.0'), '    </dependencies>', '  </plugin></plugins></build>');
    const text = pom('  <dependencies>', dependency('org.apache.kafka', 'kafka-streams', '2.8.1'), dependency('org.apache.kafka', 'kafka_2.13', '2.8.1'), exclusion, '  </dependencies>', plugin);
    expect(await javaVersions({ 'pom.xml': text })).toEqual([]);
    expect(await versionedFindings({ 'pom.xml': text, 'producer.properties': PRODUCER })).toEqual([]);
  });

  it('records spring-kafka as nothing: its version alone does not say which kafka-clients it runs', async () => {
    expect(await javaVersions({ 'pom.xml': kafkaClients('2.7.0').replace('org.apache.kafka', 'org.springframework.kafka').replace('kafka-clients', 'spring-kafka') })).toEqual([]);
  });

  it('gives nothing for a pom without Kafka dependencies', async () => {
    const result = await lintFiles({ 'pom.xml': pom('  <dependencies>', dependency('com.google.guava', 'guava', '33.0.0-jre'), '  </dependencies>') });
    expect(result.model.dependencies).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('applies to files below the pom, not to a sibling folder', async () => {
    const files = { 'orders/pom.xml': kafkaClients('2.8.1'), 'orders/src/main/resources/producer.properties': PRODUCER, 'billing/producer.properties': PRODUCER };
    const result = await lintFiles(files);
    const versionOf = (file: string) => result.model.clients.find((client) => client.file === file)?.libraryVersion;
    expect(versionOf('orders/src/main/resources/producer.properties')).toBe('2.8.1');
    expect(versionOf('billing/producer.properties')).toBeUndefined();
    expect(await versionedFindings(files, 'billing/producer.properties')).toEqual([]);
  });

  it('lets the nearest build file above a client win', async () => {
    const result = await lintFiles({ 'pom.xml': kafkaClients('2.8.1'), 'orders/pom.xml': kafkaClients('3.7.0'), 'orders/producer.properties': PRODUCER });
    expect(result.model.clients[0].libraryVersion).toBe('3.7.0');
  });

  it('gives Spring clients the kafka-clients version, with Spring\'s own auto-commit default on top', async () => {
    const files = { 'pom.xml': kafkaClients('2.8.1-ccs'), 'src/main/resources/application.properties': lines('spring.kafka.bootstrap-servers=kafka-1:9092', 'spring.kafka.producer.retries=3') };
    const result = await lintFiles(files);
    expect(result.model.clients.map((client) => [client.library, client.libraryVersion])).toEqual([['spring', '2.8.1']]);
    const acks = result.findings.find((finding) => finding.ruleId === 'producer-acks-one');
    expect(acks?.message).toContain('acks=1 (not set: Spring for Apache Kafka default (Java client 2.8.1))');
  });
});

describe("Spring Boot's kafka.version override", () => {
  const bootPom = (...properties: string[]) =>
    pom(
      '  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.3.0</version></parent>',
      '  <properties>',
      ...properties,
      '  </properties>',
      '  <dependencies>',
      dependency('org.springframework.kafka', 'spring-kafka'),
      '  </dependencies>',
    );

  it('takes <kafka.version> of a Spring Boot pom as the kafka-clients version', async () => {
    const files = { 'pom.xml': bootPom('    <kafka.version>2.8.1</kafka.version>'), 'producer.properties': PRODUCER };
    expect(await javaVersions(files)).toEqual([{ library: 'java', version: '2.8.1', file: 'pom.xml' }]);
    expect((await versionedFindings(files)).join('\n')).toContain('producer-acks-one');
  });

  it('takes ext[\'kafka.version\'] (Groovy) and extra["kafka.version"] (Kotlin) of a Spring build', async () => {
    const groovy = lines("plugins { id 'org.springframework.boot' version '3.3.0' }", "ext['kafka.version'] = '3.5.0'", "dependencies { implementation 'org.springframework.kafka:spring-kafka' }");
    expect(await javaVersions({ 'build.gradle': groovy })).toEqual([{ library: 'java', version: '3.5.0', file: 'build.gradle' }]);
    const kotlin = lines('plugins { id("org.springframework.boot") version "3.3.0" }', 'extra["kafka.version"] = "3.6.2"', 'dependencies { implementation("org.springframework.kafka:spring-kafka") }');
    expect(await javaVersions({ 'build.gradle.kts': kotlin })).toEqual([{ library: 'java', version: '3.6.2', file: 'build.gradle.kts' }]);
  });

  it('lets an explicit kafka-clients version win over the property', async () => {
    const files = { 'pom.xml': pom('  <properties><kafka.version>2.8.1</kafka.version></properties>', '  <dependencies>', dependency('org.springframework.kafka', 'spring-kafka'), dependency('org.apache.kafka', 'kafka-clients', '3.6.0'), '  </dependencies>') };
    expect(await javaVersions(files)).toEqual([{ library: 'java', version: '3.6.0', file: 'pom.xml' }]);
  });

  it('ignores a kafka.version property in a build that uses neither Spring Boot nor Spring for Apache Kafka', async () => {
    const files = { 'pom.xml': pom('  <properties><kafka.version>2.8.1</kafka.version></properties>', '  <dependencies>', dependency('com.example', 'other'), '  </dependencies>') };
    expect(await javaVersions(files)).toEqual([]);
    expect(await javaVersions({ 'build.gradle': lines("ext['kafka.version'] = '2.8.1'", "dependencies { implementation 'com.example:other:1.0' }") })).toEqual([]);
  });
});

describe('build.gradle and build.gradle.kts', () => {
  it('reads a coordinate string in either quote style and any configuration', async () => {
    const groovy = lines('plugins { id "java" }', "repositories { maven { url 'https://packages.example.com/maven' } }", 'dependencies {', "    implementation 'org.apache.kafka:kafka-clients:2.8.1' // the client", '}');
    expect(await javaVersions({ 'build.gradle': groovy })).toEqual([{ library: 'java', version: '2.8.1', file: 'build.gradle' }]);
    const kotlin = lines('dependencies {', '    api("org.apache.kafka:kafka-clients:3.7.0-ccs")', '    testImplementation("org.apache.kafka:kafka-streams:2.8.1")', '}');
    expect(await javaVersions({ 'build.gradle.kts': kotlin })).toEqual([{ library: 'java', version: '3.7.0', file: 'build.gradle.kts' }]);
    expect(await versionedFindings({ 'build.gradle': groovy, 'producer.properties': PRODUCER })).toHaveLength(2);
  });

  it('reads map notation', async () => {
    const groovy = lines('dependencies {', "    compileOnly group: 'org.apache.kafka', name: 'kafka-clients', version: '2.8.1'", '}');
    expect(await javaVersions({ 'build.gradle': groovy })).toEqual([{ library: 'java', version: '2.8.1', file: 'build.gradle' }]);
    const kotlin = lines('dependencies {', '    implementation(group = "org.apache.kafka", name = "kafka-clients", version = "3.6.0")', '}');
    expect(await javaVersions({ 'build.gradle.kts': kotlin })).toEqual([{ library: 'java', version: '3.6.0', file: 'build.gradle.kts' }]);
  });

  it('resolves a version variable defined literally in the same file', async () => {
    const groovy = lines("ext { kafkaVersion = '2.8.1' }", 'dependencies {', '    implementation "org.apache.kafka:kafka-clients:$kafkaVersion"', '}');
    expect(await javaVersions({ 'build.gradle': groovy })).toEqual([{ library: 'java', version: '2.8.1', file: 'build.gradle' }]);
    const kotlin = lines('val kafkaVersion = "3.7.0"', 'dependencies {', '    implementation("org.apache.kafka:kafka-clients:${kafkaVersion}")', '}');
    expect(await javaVersions({ 'build.gradle.kts': kotlin })).toEqual([{ library: 'java', version: '3.7.0', file: 'build.gradle.kts' }]);
  });

  it('leaves the version unknown for a variable from gradle.properties, a version catalog or a commented-out line', async () => {
    const kotlin = lines('val kafkaVersion: String by project', 'dependencies {', '    // implementation("org.apache.kafka:kafka-clients:2.8.1")', '    implementation("org.apache.kafka:kafka-clients:$kafkaVersion")', '}');
    expect(await javaVersions({ 'build.gradle.kts': kotlin, 'gradle.properties': 'kafkaVersion=2.8.1\n' })).toEqual([{ library: 'java', version: undefined, file: 'build.gradle.kts' }]);
    const catalog = lines('dependencies {', '    implementation(libs.kafka.clients)', '}');
    expect(await javaVersions({ 'build.gradle.kts': catalog })).toEqual([]);
  });
});

describe('reading build files', () => {
  it('routes pom.xml and Gradle build scripts to the manifest source, and nothing else of theirs', () => {
    expect(['pom.xml', 'svc/build.gradle', 'svc/build.gradle.kts', 'POM.XML'].map(sourceKindOf)).toEqual(['manifest', 'manifest', 'manifest', 'manifest']);
    expect(['settings.gradle', 'other.xml', 'pom.xml.bak'].map(sourceKindOf)).toEqual([undefined, undefined, undefined]);
  });

  it('javaClientVersion takes releases, Confluent builds and single-version ranges, not open ranges', () => {
    expect(['3.7.0', '3.7.0-ccs', '0.10.2.1', '[3.6.1]'].map(javaClientVersion)).toEqual(['3.7.0', '3.7.0', '0.10.2.1', '3.6.1']);
    expect(['[3.0,4.0)', '3.+', 'latest.release', '3.7', ''].map(javaClientVersion)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('walks a Maven project from the CLI and applies its version', async () => {
    const run = await runInTree(['--format', 'compact', '.'], { 'pom.xml': kafkaClients('2.8.1'), 'src/main/resources/producer.properties': PRODUCER });
    expect(run.stdout).toContain('acks=1 (not set: Java client 2.8.1 default)');
    const stats = await runInTree(['--stats', '.'], { 'pom.xml': kafkaClients('2.8.1'), 'src/main/resources/producer.properties': PRODUCER });
    expect(stats.stderr + stats.stdout).not.toMatch(/could not read/);
  });
});
