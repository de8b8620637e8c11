using Encore.Models.Files;
using Encore.Models.Ranking;

namespace Encore.Models.Tests.Ranking;

/// <summary>A funnel written to a temporary model file and read back (the file is deleted).</summary>
internal static class FunnelFiles
{
    public static FunnelModel SaveAndLoad(FunnelModel model)
    {
        var path = Path.Combine(Path.GetTempPath(), $"encore-funnel-{Guid.NewGuid():N}.bin");
        try
        {
            ModelFile.Save(model, path);
            return Assert.IsType<FunnelModel>(ModelLoader.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
