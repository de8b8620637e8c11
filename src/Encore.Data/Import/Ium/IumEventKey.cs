using Encore.Data.Model;

namespace Encore.Data.Import.Ium;

/// <summary>Identity of an event for exact-duplicate removal.</summary>
internal readonly record struct IumEventKey(int User, int Track, EventKind Kind, long Time, long Session);
