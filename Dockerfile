# syntax=docker/dockerfile:1
#
# The heroku2cloud container image: the CLI on the .NET runtime, with the PostgreSQL 17 client programs
# (pg_dump, pg_restore) that `data migrate` drives. pg_dump must be at least the source server's major
# version; 17 reads every Heroku Postgres major in service (14-17) and writes archives any target 14+ reads.
#
#   docker build -t heroku2cloud .
#   docker run --rm -e HEROKU2CLOUD_SOURCE_URL -e HEROKU2CLOUD_TARGET_URL heroku2cloud data migrate --json
#
# Pass database URLs as environment variables (ECS task secrets, Kubernetes secretKeyRef), not as
# arguments: arguments are visible in process listings and task definitions.

ARG DOTNET_VERSION=10.0
ARG POSTGRES_CLIENT_MAJOR=17

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build
WORKDIR /src
# Everything the CLI is built from (new components are picked up without editing this file).
COPY Directory.Build.props Directory.Packages.props ./
COPY components/ components/
COPY stacks/ stacks/
# ReadyToRun: compiled ahead for the image's architecture, so a migration does not spend its first seconds
# of CPU compiling the tool beside the copy (about 0.6 CPU-seconds of a bench migrate, bench/README.md).
RUN dotnet publish stacks/HerokuToCloud.Cli/HerokuToCloud.Cli.csproj \
        --configuration Release --output /app --use-current-runtime --self-contained false \
        -p:PublishReadyToRun=true -p:UseAppHost=true -p:DebugType=none -p:GenerateDocumentationFile=false

FROM mcr.microsoft.com/dotnet/runtime:${DOTNET_VERSION}-noble AS runtime
ARG POSTGRES_CLIENT_MAJOR
# The PostgreSQL Global Development Group's apt repository: the distribution's own client is older than
# current Heroku majors. Its signing key is pinned to the repository by signed-by.
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates curl; \
    install -d /usr/share/postgresql-common/pgdg; \
    curl -fsSL -o /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc https://www.postgresql.org/media/keys/ACCC4CF8.asc; \
    . /etc/os-release; \
    echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt ${VERSION_CODENAME}-pgdg main" > /etc/apt/sources.list.d/pgdg.list; \
    apt-get update; \
    apt-get install -y --no-install-recommends "postgresql-client-${POSTGRES_CLIENT_MAJOR}"; \
    apt-get purge -y --auto-remove curl; \
    rm -rf /var/lib/apt/lists/*; \
    "/usr/lib/postgresql/${POSTGRES_CLIENT_MAJOR}/bin/pg_dump" --version

COPY --from=build /app /app
RUN ln -s /app/heroku2cloud /usr/local/bin/heroku2cloud

# pg_dump/pg_restore of this exact major, whatever else is on PATH. Temporary files (schema archive)
# and the backup download cache go to /tmp, the one writable place under the read-only root that the
# generated task and Job give the container (the home directory is not writable), and private to it:
# give the task enough ephemeral storage for a downloaded backup.
ENV HEROKU2CLOUD_PG_BIN=/usr/lib/postgresql/${POSTGRES_CLIENT_MAJOR}/bin \
    HEROKU2CLOUD_CACHE_DIR=/tmp/heroku2cloud-cache \
    TMPDIR=/tmp \
    DOTNET_CLI_TELEMETRY_OPTOUT=1

# The runtime image's unprivileged user (UID 1654).
USER $APP_UID
WORKDIR /tmp
ENTRYPOINT ["heroku2cloud"]
CMD ["--help"]
