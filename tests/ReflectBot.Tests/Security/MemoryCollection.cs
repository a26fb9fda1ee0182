namespace ReflectBot.Tests.Security;

/// <summary>Tests that measure the process's memory run on their own, not beside other tests' allocations.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    public const string Name = "Memory measured alone";
}
