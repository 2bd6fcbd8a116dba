using NJsonSchema.Generation;
using NSwag;
using NSwag.Generation.Processors.Security;

namespace AIBridge.Web.OpenApi;

public static class OpenApiServices
{
    public const string DocumentName = "v1";

    /// <summary>The OpenAPI document of the API controllers (not the gateway's provider routes).</summary>
    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApiDocument(document =>
        {
            document.DocumentName = DocumentName;
            document.Title = "AIBridge API";
            document.Version = "v2";
            document.Description = "Users, tokens and the AI Bridge audit API (compatible with Coder's). Paging, the q search syntax and the recorded fields are described in docs/audit-api.md of the AIBridge repository.";
            document.SchemaSettings.DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull;
            document.SchemaSettings.GenerateAbstractProperties = true;
            document.SchemaSettings.SchemaProcessors.Add(new JsonShapeSchemaProcessor());
            document.OperationProcessors.Add(new QueryParameterProcessor());
            document.AddSecurity("CoderSessionToken", [], new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.ApiKey,
                Name = "Coder-Session-Token",
                In = OpenApiSecurityApiKeyLocation.Header,
                Description = "An AIBridge session or API token.",
            });
            document.OperationProcessors.Add(new AspNetCoreOperationSecurityScopeProcessor("CoderSessionToken"));
        });
}
