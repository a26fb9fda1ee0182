namespace ReflectBot.Tests.Deployment;

public static class RepoPaths
{
    /// <summary>The repository's root: the nearest folder above the test binaries holding ReflectBot.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReflectBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ReflectBot.sln not found above " + AppContext.BaseDirectory);
    }
}
