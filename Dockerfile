# One binary in a small image: `docker build -t backend-mentor .` (on these machines, after
# ../shared/tools/docker-bases, with `--network host`). The build needs no database: SQLx reads
# the committed .sqlx/ query data (SQLX_OFFLINE in .cargo/config.toml).
FROM rust:1.95-bookworm AS build
WORKDIR /src
# The dependencies in a layer of their own, built from the manifest and lock file alone against a
# placeholder crate, so that a change to src/ or content/ rebuilds only backend-mentor itself.
COPY Cargo.toml Cargo.lock ./
COPY .cargo .cargo
RUN mkdir src && echo 'fn main() {}' > src/main.rs \
    && cargo build --release --locked \
    && rm -rf src target/release/backend-mentor* target/release/deps/backend_mentor-*
COPY . .
# The placeholder's build is older than any file copied; touching makes cargo see the real ones.
RUN touch src/main.rs src/lib.rs \
    && cargo build --release --locked --bin backend-mentor \
    && cp target/release/backend-mentor /backend-mentor

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin mentor \
    && mkdir -p /data && chown mentor /data
COPY --from=build /backend-mentor /usr/local/bin/backend-mentor
USER mentor
WORKDIR /data
VOLUME /data
# The same variables as the README and .env.example; these two differ from the binary's own
# defaults: the database lives in the volume, and the health listener is on for HEALTHCHECK.
ENV DATABASE_URL=sqlite:///data/backend-mentor.db \
    HTTP_BIND=0.0.0.0:8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["backend-mentor", "health"]
ENTRYPOINT ["backend-mentor"]
CMD ["run"]
