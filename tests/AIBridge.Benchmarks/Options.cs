using System.Globalization;

namespace AIBridge.Benchmarks;

/// <summary>Options shared by the commands.</summary>
public sealed record Options(int Requests, double WarmupSeconds, int[] Concurrency, int Events, string Dll, string Root)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var smoke = args.Contains("--smoke");
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "AIBridge.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        }

        return new Options(
            int.Parse(Value("--requests") ?? (smoke ? "40" : "4000"), CultureInfo.InvariantCulture),
            double.Parse(Value("--warmup-seconds") ?? (smoke ? "0.5" : "20"), CultureInfo.InvariantCulture),
            (Value("--concurrency") ?? (smoke ? "1,4" : "1,16,64")).Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray(),
            int.Parse(Value("--events") ?? "40", CultureInfo.InvariantCulture),
            Value("--dll") ?? Path.Combine(root, "src/AIBridge.Web/bin/Release/net10.0/AIBridge.Web.dll"),
            root);
    }
}
