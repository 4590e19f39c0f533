// What `kafkalint init` writes: the recommended preset, and every other key as a commented example to adapt. The
// first line lets editors with the YAML language server complete and check the file against schema/config.json.

export const STARTER_CONFIG_FILE = 'kafkalint.config.yaml';

export const STARTER_CONFIG = `# yaml-language-server: $schema=./node_modules/kafkalint/schema/config.json
# kafkalint configuration. File globs below are relative to this file's folder.
# \`kafkalint print-config <file>\` shows what applies to one file.

# Presets and other configuration files to build on: recommended, strict (every rule one step stricter), or a path.
extends: [recommended]

# Rule id: error, warning, info or off. \`kafkalint rules\` lists the rules.
# rules:
#   compression-none: off
#   eager-assignor: error

# Rule settings for some files; a later entry wins over an earlier one and over \`rules\`.
# overrides:
#   - files: ["services/telemetry/**"]
#     rules:
#       producer-acks-one: off

# Named environments and their files. Durability findings in \`dev\` are reported as info; naming \`dev\` here
# replaces kafkalint's own detection of single-broker docker-compose stacks (\`dev: []\` turns it off).
# environments:
#   dev: ["docker-compose*.yml", "**/test/**"]
#   prod: ["deploy/prod/**"]

# Files kafkalint does not read.
# ignorePatterns:
#   - "fixtures/**"

# Your organisation's policies, over canonical Kafka keys and effective values (explicit, else the default).
# policies:
#   - id: payments-durability
#     description: Producers to payments.* need acks=all and idempotence
#     severity: error
#     match: { role: producer, topic: "payments.*" }
#     require: { acks: all, enable.idempotence: true }
#   - id: topic-min-isr
#     match: { resource: topic, environment: prod }
#     require: { min.insync.replicas: { min: 2 } }

# Findings accepted for now (written by \`kafkalint --baseline-write\`).
# baseline: .kafkalint-baseline.json
`;
