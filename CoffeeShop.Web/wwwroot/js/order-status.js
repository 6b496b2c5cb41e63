// /orders/{code}: watches the order and shows each new status at once, announced by the page's live region.
// Stops listening at a final status.
(function () {
    "use strict";

    var page = document.querySelector("[data-live-order]");
    if (!page || !window.signalR || !window.CoffeeShopLive) {
        return;
    }

    var code = page.dataset.code;
    var badge = page.querySelector("[data-testid='order-status']");
    var announcer = page.querySelector("[data-live-announcer]");
    var cancelForm = page.querySelector("[data-live-cancel]");
    var lastUpdatedAt = Date.parse(page.dataset.updatedAt) || 0;
    var live = null;

    function apply(order) {
        // The state WatchOrder returns and a pushed change may cross: keep the newer.
        var updatedAt = Date.parse(order && order.updatedAt);
        if (!order || order.code !== code || updatedAt < lastUpdatedAt) {
            return;
        }

        var changed = badge.textContent !== order.status;
        lastUpdatedAt = updatedAt;
        badge.textContent = order.status;
        if (cancelForm && order.status !== "Pending") {
            cancelForm.hidden = true;
        }

        if (changed) {
            announcer.textContent = "Your order is now " + order.status + ".";
        }

        if (CoffeeShopLive.isFinal(order.status) && live) {
            live.stop();
        }
    }

    if (CoffeeShopLive.isFinal(badge.textContent.trim())) {
        return;
    }

    live = CoffeeShopLive.connect({
        handlers: { orderUpdated: apply },
        onStart: function (connection) {
            connection.invoke("WatchOrder", code).then(apply, function () { /* the page still shows what it was rendered with */ });
        },
    });
})();
