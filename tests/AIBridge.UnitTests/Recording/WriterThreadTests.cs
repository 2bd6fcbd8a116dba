using AIBridge.Infrastructure.Recording;

namespace AIBridge.UnitTests.Recording;

/// <remarks>
/// These tests wait by blocking, not by awaiting: an await would post the test's continuation to xUnit's
/// context from the niced thread, which may create a thread there that inherits nice 19, the very leak
/// <see cref="WriterThread.RunAsync"/> avoids, and it would slow later tests down.
/// </remarks>
#pragma warning disable xUnit1031 // Blocking on purpose, see above.
public sealed class WriterThreadTests
{
    [Fact]
    public void Work_runs_on_the_thread_itself_and_the_background_one_at_the_lowest_priority()
    {
        var creator = OperatingSystem.IsLinux() ? SchedulingOf("thread-self") : default;
        using var background = new WriterThread("test background", lowestPriority: true);
        using var normal = new WriterThread("test catch-up", lowestPriority: false);

        var (backgroundName, backgroundScheduling) = Run(background);
        var (normalName, normalScheduling) = Run(normal);

        backgroundName.Should().Be("test background");
        normalName.Should().Be("test catch-up");
        if (OperatingSystem.IsLinux())
        {
            backgroundScheduling.Policy.Should().Be(SchedIdle);
            backgroundScheduling.Nice.Should().Be(creator.Nice, "the idle policy replaces nice 19, which threads created from this one would inherit");
            normalScheduling.Should().Be(creator, "the catch-up thread keeps the priority it was created with");
        }
    }

    [Fact]
    public void A_thread_created_from_the_background_thread_runs_at_normal_priority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The idle policy and its reset on fork are Linux's.
        }

        var creator = SchedulingOf("thread-self");
        using var background = new WriterThread("test background", lowestPriority: true);

        (int Policy, int Nice) child = default;
        background.RunAsync(() =>
        {
            var thread = new Thread(() => child = SchedulingOf("thread-self"));
            thread.Start();
            thread.Join();
            return Task.CompletedTask;
        }).Wait();

        child.Should().Be(creator, "a pool thread the runtime creates there would serve the relay; nice 19, unlike the idle policy, is inherited");
    }

    [Fact]
    public void A_batch_completes_on_the_writer_thread_so_its_awaiter_queues_nothing_to_the_pool_from_there()
    {
        using var background = new WriterThread("test background", lowestPriority: true);
        using var gate = new ManualResetEventSlim();

        var batch = background.RunAsync(() =>
        {
            gate.Wait();
            return Task.CompletedTask;
        });
        string? continuedOn = null;
        var continuation = batch.ContinueWith(_ => continuedOn = Thread.CurrentThread.Name, TaskContinuationOptions.ExecuteSynchronously);
        gate.Set();
        continuation.Wait();

        continuedOn.Should().Be("test background", "a continuation queued to the pool from a niced thread could create a pool thread at nice 19");
    }

    [Fact]
    public void A_failing_batch_fails_its_task_and_the_thread_goes_on()
    {
        using var thread = new WriterThread("test", lowestPriority: true);

        var failing = () => thread.RunAsync(() => throw new InvalidOperationException("boom")).GetAwaiter().GetResult();
        failing.Should().Throw<InvalidOperationException>().WithMessage("boom");
        var ran = false;
        thread.RunAsync(() =>
        {
            ran = true;
            return Task.CompletedTask;
        }).Wait();
        ran.Should().BeTrue();
    }

    private const int SchedIdle = 5;

    private static (string? Name, (int Policy, int Nice) Scheduling) Run(WriterThread thread)
    {
        (string? Name, (int Policy, int Nice) Scheduling) seen = default;
        thread.RunAsync(() =>
        {
            seen = (Thread.CurrentThread.Name, OperatingSystem.IsLinux() ? SchedulingOf("thread-self") : default);
            return Task.CompletedTask;
        }).Wait();
        return seen;
    }

    /// <summary>Fields 41 (policy) and 19 (nice) of <c>/proc/…/stat</c>, counted after the command's closing parenthesis.</summary>
    private static (int Policy, int Nice) SchedulingOf(string which)
    {
        var stat = File.ReadAllText($"/proc/{which}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        int Field(int number) => int.Parse(fields[number - 3], System.Globalization.CultureInfo.InvariantCulture);
        return (Field(41), Field(19));
    }
}
#pragma warning restore xUnit1031
