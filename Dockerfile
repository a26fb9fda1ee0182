# ReflectBot in a container, for App Service (runtime=container in deploymentTemplates/azure), Azure Container
# Apps or any container host.
#   docker build -t reflectbot .            (or, in Azure: scripts/deploy-app.sh --container, which runs az acr build)
#   docker run -p 8080:8080 -e MicrosoftAppId=... reflectbot
# Configuration comes from environment variables (MicrosoftAppType, MicrosoftAppId, MicrosoftAppTenantId,
# Storage__Kind=Blob, Storage__Blob__AccountUri, ...), as in the README. Without MicrosoftAppId the app refuses
# to start here (it would listen on every interface with nobody authenticated), unless
# Hosting__AllowAnonymousNetworkAccess=true is passed for development.

# Web Chat's bundle comes from npm (package.json), never from a CDN: the page must work offline. Only the bundle
# leaves this stage; --ignore-scripts because nothing in package.json needs an install script to give us a file.
FROM node:22-bookworm-slim AS webchat
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund --ignore-scripts --loglevel=error \
    && test -s node_modules/botframework-webchat/dist/webchat.js

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Published for the image's architecture, so the app is compiled ahead of time (ReadyToRun, see ReflectBot.csproj).
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ReflectBot.sln ./
COPY build/ build/
COPY src/ReflectBot.Dialogs/ReflectBot.Dialogs.csproj src/ReflectBot.Dialogs/
COPY src/ReflectBot/ReflectBot.csproj src/ReflectBot/
RUN dotnet restore src/ReflectBot/ReflectBot.csproj -a "${TARGETARCH:-amd64}"
COPY src/ src/
COPY dialogs/ dialogs/
COPY deploymentTemplates/teams/ deploymentTemplates/teams/
# Where ReflectBot.csproj looks for the bundle: with it there, the build copies it into wwwroot/lib and never runs npm.
COPY --from=webchat /src/node_modules/botframework-webchat/dist/webchat.js node_modules/botframework-webchat/dist/webchat.js
RUN dotnet publish src/ReflectBot/ReflectBot.csproj -c Release -a "${TARGETARCH:-amd64}" --self-contained false -o /app --no-restore \
    && test -s /app/wwwroot/lib/webchat.js

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for the health check; DejaVu Sans for the clinician's PDF notes (PDFsharp finds no system fonts itself).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app ./
# appsettings.json listens on localhost:3978 for local use; a container listens on 8080, and the
# embedded file store (when Storage__Kind is File) writes to /data, a volume.
ENV Urls=http://+:8080 \
    Storage__DataPath=/data \
    DOTNET_gcServer=0
VOLUME /data
EXPOSE 8080
# The image's non-root user (uid 1654).
USER $APP_UID
# Liveness only: readiness (/health/ready) is App Service's probe, and a container that cannot reach storage
# should be taken out of rotation, not restarted in a loop.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl --fail --silent http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["dotnet", "ReflectBot.dll"]
