using Encore.Data.Synthetic;

namespace Encore.Data.Tests.Synthetic;

/// <summary>One Tiny and one Small world shared by the structure tests (generated once per test class).</summary>
public sealed class SyntheticWorldFixture
{
    public SyntheticWorld Tiny { get; } = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny);

    public SyntheticWorld Small { get; } = SyntheticWorld.Generate(SyntheticWorldOptions.Small);
}
