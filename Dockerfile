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
# Folder for ASP.NET Core data-protection keys (login cookies survive restarts when a volume
# is mounted here, as docker-compose.yml does); owned by the image's non-root user.
RUN mkdir -p /home/app/.aspnet/DataProtection-Keys \
    && chown -R "$APP_UID" /home/app/.aspnet
COPY --from=build /app/publish .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "WorkPlan.Web.dll"]
