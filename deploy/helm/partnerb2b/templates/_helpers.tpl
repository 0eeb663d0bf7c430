{{/* The release's name prefix: the release name, with the chart's appended unless it holds it already. */}}
{{- define "partnerb2b.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Name of one service's objects: (dict "root" $ "service" "auth-service") */}}
{{- define "partnerb2b.serviceFullname" -}}
{{- printf "%s-%s" (include "partnerb2b.fullname" .root) .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "partnerb2b.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: partnerb2b
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{ include "partnerb2b.selectorLabels" . }}
{{- end -}}

{{- define "partnerb2b.selectorLabels" -}}
app.kubernetes.io/name: {{ .service }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "partnerb2b.image" -}}
{{- $tag := .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- printf "%s/%s/%s:%s" .root.Values.image.registry .root.Values.image.repository .service $tag -}}
{{- end -}}

{{/* Secrets: the user's existing one, else the chart's. */}}
{{- define "partnerb2b.appSecretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-app" (include "partnerb2b.fullname" .)) -}}
{{- end -}}

{{- define "partnerb2b.jwtSecretName" -}}
{{- .Values.jwt.existingSecret | default (printf "%s-jwt-signing-key" (include "partnerb2b.fullname" .)) -}}
{{- end -}}

{{- define "partnerb2b.jwksConfigMapName" -}}
{{- .Values.jwt.existingConfigMap | default (printf "%s-jwks" (include "partnerb2b.fullname" .)) -}}
{{- end -}}

{{- define "partnerb2b.kafkaSecretName" -}}
{{- .Values.kafka.sasl.existingSecret | default (printf "%s-kafka" (include "partnerb2b.fullname" .)) -}}
{{- end -}}

{{/* (dict "root" $ "service" name "config" values) */}}
{{- define "partnerb2b.databaseSecretName" -}}
{{- .config.database.existingSecret | default (printf "%s-db" (include "partnerb2b.serviceFullname" .)) -}}
{{- end -}}

{{- define "partnerb2b.kafkaUsesSasl" -}}
{{- if hasPrefix "SASL_" .Values.kafka.securityProtocol -}}true{{- end -}}
{{- end -}}

{{- define "partnerb2b.kafkaUsesTls" -}}
{{- if hasSuffix "SSL" .Values.kafka.securityProtocol -}}true{{- end -}}
{{- end -}}

{{- define "partnerb2b.kafkaJaasLoginModule" -}}
{{- if eq .Values.kafka.sasl.mechanism "PLAIN" -}}
org.apache.kafka.common.security.plain.PlainLoginModule
{{- else -}}
org.apache.kafka.common.security.scram.ScramLoginModule
{{- end -}}
{{- end -}}

{{/* Which services talk to Kafka, and which hold the encryption keys. */}}
{{- define "partnerb2b.usesKafka" -}}
{{- if has .service (list "profile-service" "analysis-service" "webhook-service") -}}true{{- end -}}
{{- end -}}

{{- define "partnerb2b.usesEncryptionKeys" -}}
{{- if has .service (list "profile-service" "webhook-service") -}}true{{- end -}}
{{- end -}}

{{/*
The non-secret settings of one service, as environment variables (its ConfigMap).
(dict "root" $ "service" name "config" values)
*/}}
{{- define "partnerb2b.serviceSettings" -}}
{{- $root := .root -}}
{{- $values := $root.Values -}}
{{- $db := .config.database -}}
{{- $sslMode := $db.sslMode | default $values.database.sslMode -}}
QUARKUS_HTTP_PORT: {{ .config.port | quote }}
JAVA_OPTS_APPEND: {{ .config.javaOpts | quote }}
PARTNERB2B_DB_JDBC_URL: {{ printf "jdbc:postgresql://%s:%v/%s%s" $db.host $db.port $db.name (ternary "" (printf "?sslmode=%s" $sslMode) (eq $sslMode "disable")) | quote }}
PARTNERB2B_DB_REACTIVE_URL: {{ printf "postgresql://%s:%v/%s" $db.host $db.port $db.name | quote }}
{{- if ne $sslMode "disable" }}
QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE: {{ $sslMode | quote }}
QUARKUS_DATASOURCE_REACTIVE_TRUST_ALL: "true"
{{- end }}
PARTNERB2B_JWKS_LOCATION: "/etc/partnerb2b/jwks/{{ $values.jwt.jwksKey }}"
{{- if $values.jwt.issuer }}
PARTNERB2B_JWT_ISSUER: {{ $values.jwt.issuer | quote }}
{{- end }}
{{- if $values.trustedProxies }}
PARTNERB2B_CLIENT_ADDRESS_TRUSTED_PROXIES: {{ $values.trustedProxies | quote }}
{{- end }}
{{- /* Trace context is always propagated; spans are exported only when enabled (share sampleRatio). */}}
PARTNERB2B_TRACE_SAMPLE_RATIO: {{ ternary ($values.otel.sampleRatio | toString) "0" $values.otel.enabled | quote }}
{{- if $values.otel.enabled }}
PARTNERB2B_OTEL_ENDPOINT: {{ $values.otel.endpoint | quote }}
PARTNERB2B_OTEL_PROTOCOL: {{ $values.otel.protocol | quote }}
{{- end }}
{{- if eq .service "auth-service" }}
PARTNERB2B_JWT_SIGNING_KEY: "/etc/partnerb2b/signing-key/{{ $values.jwt.signingKeyKey }}"
PARTNERB2B_JWT_SIGNING_KEY_ID: {{ $values.jwt.keyId | quote }}
{{- end }}
{{- if eq .service "profile-service" }}
# Uploaded documents are streamed to disk: the root file system is read-only, /tmp is not.
QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY: /tmp/file-uploads
MP_MESSAGING_OUTGOING_OUTBOX_EVENTS_TOPIC: {{ $values.kafka.topics.profileSubmitted.name | quote }}
MP_MESSAGING_INCOMING_ANALYSIS_COMPLETED_TOPIC: {{ $values.kafka.topics.analysisCompleted.name | quote }}
{{- end }}
{{- if eq .service "analysis-service" }}
PARTNERB2B_PROFILE_SERVICE_URL: {{ printf "http://%s:%v" (include "partnerb2b.serviceFullname" (dict "root" $root "service" "profile-service")) (index $values.services "profile-service").port | quote }}
MP_MESSAGING_OUTGOING_OUTBOX_EVENTS_TOPIC: {{ $values.kafka.topics.analysisCompleted.name | quote }}
MP_MESSAGING_INCOMING_PROFILE_SUBMITTED_TOPIC: {{ $values.kafka.topics.profileSubmitted.name | quote }}
{{- if .config.scorecard.configMap }}
PARTNERB2B_SCORECARD_FILE: "/etc/partnerb2b/scorecard/{{ .config.scorecard.key }}"
{{- end }}
{{- end }}
{{- if eq .service "webhook-service" }}
MP_MESSAGING_INCOMING_ANALYSIS_COMPLETED_TOPIC: {{ $values.kafka.topics.analysisCompleted.name | quote }}
{{- end }}
{{- if include "partnerb2b.usesKafka" . }}
PARTNERB2B_KAFKA_BOOTSTRAP_SERVERS: {{ $values.kafka.bootstrapServers | quote }}
# kafka.* of every channel (Quarkus maps KAFKA_X_Y to kafka property x.y)
KAFKA_SECURITY_PROTOCOL: {{ $values.kafka.securityProtocol | quote }}
{{- if include "partnerb2b.kafkaUsesSasl" $root }}
KAFKA_SASL_MECHANISM: {{ $values.kafka.sasl.mechanism | quote }}
{{- end }}
{{- if and (include "partnerb2b.kafkaUsesTls" $root) $values.kafka.tls.caSecret }}
KAFKA_SSL_TRUSTSTORE_TYPE: PEM
KAFKA_SSL_TRUSTSTORE_LOCATION: "/etc/partnerb2b/kafka-ca/{{ $values.kafka.tls.caKey }}"
{{- end }}
{{- end }}
{{- range $name, $value := .config.env }}
{{ $name }}: {{ $value | quote }}
{{- end }}
{{- end -}}
