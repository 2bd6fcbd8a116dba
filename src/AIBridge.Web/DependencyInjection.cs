using AIBridge.Application.Authentication;
using AIBridge.Application.Common.Behaviours;
using AIBridge.Application.Common.Security;
using AIBridge.Web.Authentication;
using AIBridge.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AIBridge.Web;

public static class DependencyInjection
{
    public const string DefaultUrl = "http://localhost:8080";

    public static WebApplicationBuilder AddWebServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        Hosting.LargeBlockMemoryPool.Register(services);
        Logging.RedactingLoggerFactory.Register(services);
        Logging.FlatJsonConsoleFormatter.Register(services);

        // Lines shipped as JSON are read by machines in other time zones: every one carries its UTC time.
        services.PostConfigure<Microsoft.Extensions.Logging.Console.JsonConsoleFormatterOptions>(o =>
        {
            o.TimestampFormat ??= "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            o.UseUtcTimestamp = true;
        });

        // Order is the pipeline's order: who may ask, then whether the request is well formed.
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Application.DependencyInjection)];
            options.PipelineBehaviors = [typeof(AuthorizationBehaviour<,>), typeof(ValidationBehaviour<,>)];
        });

        services.AddSingleton(ReadAuthSettings(builder.Configuration));
        services.AddSingleton<ISecurityLog, SecurityLog>();
        services.AddScoped<RequestOrigin>();
        // No default scheme: nothing authenticates eagerly (WebApplication adds the authentication
        // middleware by itself), so gateway requests never run the API's uncached token check. API
        // endpoints authenticate through the default authorization policy, which names the scheme.
        // ASP.NET Core makes a lone scheme the default unless this switch says not to.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SessionTokenAuthenticationHandler>(
                SessionTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o => o.DefaultPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(SessionTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser().Build());

        services.AddControllers(options =>
            {
                // Required-ness is the validators' business, reported with the API's own messages.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Filters.Add<RequestOriginFilter>();
            })
            .AddJsonOptions(o => ApiJson.Configure(o.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(o => o.InvalidModelStateResponseFactory = InvalidBody);

        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        // Ready means the database answers and the recorder keeps up; the process being up is /healthz's business.
        services.AddHealthChecks()
            .AddDbContextCheck<AIBridge.Infrastructure.Persistence.AIBridgeDbContext>("database", tags: ["ready"])
            .AddCheck<Health.RecorderHealthCheck>("recorder", tags: ["ready"]);
        return builder;
    }

    /// <summary>Model binding only fails on bodies that are not JSON of the expected shape.</summary>
    private static BadRequestObjectResult InvalidBody(ActionContext context)
    {
        var detail = context.ModelState.Values.SelectMany(v => v.Errors)
            .Select(e => e.Exception?.Message ?? e.ErrorMessage)
            .FirstOrDefault(m => !string.IsNullOrEmpty(m));
        return new BadRequestObjectResult(new ErrorResponse("Request body must be valid JSON.", detail))
        {
            ContentTypes = { ApiJson.ContentType },
        };
    }

    private static AuthSettings ReadAuthSettings(IConfiguration configuration)
    {
        var section = configuration.GetSection("AIBridge:Auth");
        var defaults = new AuthSettings();
        return new AuthSettings
        {
            SessionLifetime = section.GetValue("SessionLifetime", defaults.SessionLifetime),
            MaxTokenLifetime = section.GetValue("MaxTokenLifetime", defaults.MaxTokenLifetime),
            DefaultTokenLifetime = section.GetValue("DefaultTokenLifetime", defaults.DefaultTokenLifetime),
        };
    }
}
