using Encore.Core.Errors;

namespace Encore.Models.Contract;

/// <summary>Settings every trainer has: a seed for every randomised step and a worker count.</summary>
public abstract record ModelOptions
{
    private readonly int _threads;

    /// <value>Seed of every random step. Default 42.</value>
    public ulong Seed { get; init; } = 42;

    /// <value>Worker threads; 0 (default) = all cores.</value>
    public int Threads
    {
        get => _threads;
        init
        {
            Guard.NonNegative(value, nameof(Threads));
            _threads = value;
        }
    }
}
