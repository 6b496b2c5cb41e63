namespace CoffeeShop.Domain.Menu;

/// <summary>The limits of a menu item, shared by the entity and the request models at the edge.</summary>
public static class MenuItemLimits
{
    public const int TitleMaxLength = 80;
    public const int DescriptionMaxLength = 1000;
    public const int IngredientsMin = 1;
    public const int IngredientsMax = 20;
    public const int IngredientMaxLength = 60;
    public const int ImageMaxLength = 2048;
    public const string PriceMin = "0.01";
    public const string PriceMax = "100.00";
    public const decimal MinPrice = 0.01m;
    public const decimal MaxPrice = 100.00m;
}
