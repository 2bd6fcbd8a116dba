using System.Reflection;
using NetArchTest.Rules;

namespace AIBridge.UnitTests;

/// <summary>The layering of docs/architecture.md, checked on the compiled assemblies: dependencies point inward only.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(Domain.Users.User).Assembly;
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly Web = typeof(Web.DependencyInjection).Assembly;

    [Fact]
    public void Domain_depends_on_nothing_of_ours_or_of_a_framework()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("AIBridge.Application", "AIBridge.Infrastructure", "AIBridge.Web", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore",
                "Microsoft.Extensions")
            .GetResult();

        result.FailingTypeNames.Should().BeNullOrEmpty();
    }

    [Fact]
    public void Application_knows_no_ef_core_no_asp_net_core_and_no_outer_layer()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "AIBridge.Infrastructure", "AIBridge.Web")
            .GetResult();

        result.FailingTypeNames.Should().BeNullOrEmpty();
    }

    [Fact]
    public void Controllers_reach_infrastructure_only_through_the_mediator()
    {
        var result = Types.InAssembly(Web).That().ResideInNamespace("AIBridge.Web.Controllers").ShouldNot()
            .HaveDependencyOnAny("AIBridge.Infrastructure", "Microsoft.EntityFrameworkCore")
            .GetResult();

        result.FailingTypeNames.Should().BeNullOrEmpty();
    }
}
