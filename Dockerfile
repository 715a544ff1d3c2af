# One binary in a slim image. The build needs no database: SQLx uses the committed .sqlx/ data.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked && cp target/release/backend-mentor /backend-mentor

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* && useradd --system --home /data mentor \
    && mkdir -p /data && chown mentor /data
COPY --from=build /backend-mentor /usr/local/bin/backend-mentor
USER mentor
WORKDIR /data
ENV DATABASE_URL=sqlite:///data/backend-mentor.db
ENTRYPOINT ["backend-mentor"]
CMD ["run"]
