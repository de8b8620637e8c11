using Encore.Models.Files;

namespace Encore.Models;

/// <summary>
/// The list of built-in models: each registers its file reader here (one line per model), so that
/// <see cref="ModelLoader"/> can load any of them.
/// </summary>
public static class ModelCatalog
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        // Model readers are registered here, one line per model.
        ModelLoader.Register(Factorization.Als.AlsModel.Name, Factorization.Als.AlsModel.Read);
        ModelLoader.Register(Factorization.Bpr.BprModel.Name, Factorization.Bpr.BprModel.Read);
        ModelLoader.Register(Factorization.Lmf.LmfModel.Name, Factorization.Lmf.LmfModel.Read);
        ModelLoader.Register(Factorization.Warp.WarpModel.Name, Factorization.Warp.WarpModel.Read);
        ModelLoader.Register(Vae.VaeModel.Name, Vae.VaeModel.Read);
        ModelLoader.Register(Popularity.PopularityModel.Name, Popularity.PopularityModel.Read);
        ModelLoader.Register(Neighbourhood.ItemKnnModel.Name, Neighbourhood.ItemKnnModel.Read);
        ModelLoader.Register(Neighbourhood.UserKnnModel.Name, Neighbourhood.UserKnnModel.Read);
        ModelLoader.Register(Playlists.PlaylistKnnModel.Name, Playlists.PlaylistKnnModel.Read);
        ModelLoader.Register(Playlists.PlaylistCombinedModel.Name, Playlists.PlaylistCombinedModel.Read);
        ModelLoader.Register(Ease.EaseModel.Name, Ease.EaseModel.Read);
        ModelLoader.Register(Content.Affinity.AffinityModel.Name, Content.Affinity.AffinityModel.Read);
        ModelLoader.Register(Factorization.Wmf.WmfModel.Name, Factorization.Wmf.WmfModel.Read);
        ModelLoader.Register(Graph.Rp3BetaModel.Name, Graph.Rp3BetaModel.Read);
        ModelLoader.Register(Blend.BlendModel.Name, Blend.BlendModel.Read);
        ModelLoader.Register(Ranking.FunnelModel.Name, Ranking.FunnelModel.Read);
        ModelLoader.Register(Hierarchy.HierarchyModel.Name, Hierarchy.HierarchyModel.Read);
        ModelLoader.Register(Social.FriendsModel.Name, Social.FriendsModel.Read);
        return true;
    });

    internal static void EnsureRegistered() => _ = Registered.Value;
}
