# syntax=docker/dockerfile:1
# WorkPlan web app image.
#   docker build -t workplan .
#   docker compose up --build        (app + PostgreSQL 15 at http://localhost:5080)
# The app applies its EF Core migrations at start-up; give it ConnectionStrings__WorkPlan.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Whole context (see .dockerignore): global.json, Directory.*.props, src/ are all needed.
COPY . .
RUN dotnet publish src/WorkPlan.Web/WorkPlan.Web.csproj -c Release -o /app/publish \
        -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# Chromium renders the PDF exports (one shared headless browser); DejaVu gives it Uzbek and Cyrillic glyphs.
# The app starts it with util-linux's setpriv (part of the base image) so that it ends with the app.
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/publish .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "WorkPlan.Web.dll"]
