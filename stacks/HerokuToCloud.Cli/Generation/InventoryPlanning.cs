using HerokuToCloud.Inventory;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Generation;

/// <summary>
/// Plans an inventory file for a stack. The landing names the inventory key of what it cannot map
/// (<c>addons[shop-db].plan</c>) but not the file, which it never sees; a user with an inventory per
/// system needs both, as every capture error gives them.
/// </summary>
internal static class InventoryPlanning
{
    public static LandingPlan Plan(HerokuSystem system, string stack, string inventoryPath)
    {
        try
        {
            return LandingPlanner.Plan(system, stack);
        }
        catch (LandingException ex) when (!ex.Message.StartsWith("stack '", StringComparison.Ordinal))
        {
            // A stack name error is about the --stack option, not a place in the file.
            throw new LandingException($"{inventoryPath}: {ex.Message}", ex);
        }
    }
}
