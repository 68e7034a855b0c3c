# syntax=docker/dockerfile:1
# Habarshy in a container: see docs/deployment.md ("Docker").
#   docker build -t habarshy .
#   docker run -d -p 127.0.0.1:3000:3000 -v habarshy-data:/data -e BASE_URL=https://news.example.kz -e TRUST_PROXY=1 habarshy
# Node 22 or newer (package.json `engines`).
ARG NODE_IMAGE=node:22-bookworm-slim

# Build stage: every dependency (TypeScript, esbuild, the newsroom's editor), then dist/.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Runtime stage: production dependencies only, the sources and the build, an unprivileged user.
FROM ${NODE_IMAGE} AS runtime
# pg_dump and pg_restore for `habarshy backup|restore` on PostgreSQL (Debian 12: version 15; use a
# client at least as new as the server: PG_BINDIR can point elsewhere).
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
COPY --from=build /app/dist ./dist
# The code stays root's (read-only for the server); only /data is the server's.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/habarshy.js", "serve"]
