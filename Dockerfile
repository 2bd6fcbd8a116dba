# syntax=docker/dockerfile:1
# Multi-stage: the SDK image builds, the ASP.NET runtime image runs as the non-root "app" user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/AIBridge.Domain/AIBridge.Domain.csproj src/AIBridge.Domain/
COPY src/AIBridge.Application/AIBridge.Application.csproj src/AIBridge.Application/
COPY src/AIBridge.Infrastructure/AIBridge.Infrastructure.csproj src/AIBridge.Infrastructure/
COPY src/AIBridge.Web/AIBridge.Web.csproj src/AIBridge.Web/
RUN dotnet restore src/AIBridge.Web/AIBridge.Web.csproj
COPY src/ src/
RUN dotnet publish src/AIBridge.Web/AIBridge.Web.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown app /data
VOLUME /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__AIBridge="Data Source=/data/aibridge.db"
EXPOSE 8080
USER app
# The runtime image has no curl: AIBridge asks its own /healthz.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["dotnet", "AIBridge.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "AIBridge.Web.dll"]
