# ReflectBot in a container, for Azure Container Apps or any container host.
#   docker build -t reflectbot .
#   docker run -p 8080:8080 reflectbot
# Configuration comes from environment variables (MicrosoftAppType, MicrosoftAppId, MicrosoftAppTenantId,
# Storage__Kind=Blob, Storage__Blob__AccountUri, ...), as in the README. Without MicrosoftAppId the app refuses
# to start here (it would listen on every interface with nobody authenticated), unless
# Hosting__AllowAnonymousNetworkAccess=true is passed for development.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ReflectBot.sln ./
COPY build/ build/
COPY src/ReflectBot.Dialogs/ReflectBot.Dialogs.csproj src/ReflectBot.Dialogs/
COPY src/ReflectBot/ReflectBot.csproj src/ReflectBot/
RUN dotnet restore src/ReflectBot/ReflectBot.csproj
COPY src/ src/
COPY dialogs/ dialogs/
COPY deploymentTemplates/teams/ deploymentTemplates/teams/
RUN dotnet publish src/ReflectBot/ReflectBot.csproj -c Release -o /app --no-restore

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
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl --fail --silent http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["dotnet", "ReflectBot.dll"]
