"""ShopDesk (店铺售后台): the after-sales desk for small online shops."""

__version__ = "0.1.0"
