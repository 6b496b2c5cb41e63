// Live updates shared by the order status page and the barista queue: one SignalR connection to /hubs/orders that
// reconnects for ever (backing off to 10 s) and shows its state in the page's [data-live-connection] element.
// The pages work without this script; it only saves the reload.
(function () {
    "use strict";

    function retryDelay(context) {
        return Math.min(10000, 500 * Math.pow(2, context.previousRetryCount));
    }

    function showState(indicator, state) {
        if (!indicator) {
            return;
        }

        var text = {
            connecting: "Connecting to live updates…",
            live: "Live: this page updates itself.",
            reconnecting: "Connection lost. Reconnecting…",
            stopped: "",
        }[state];
        indicator.dataset.state = state;
        indicator.textContent = text;
        indicator.hidden = !text;
        indicator.classList.toggle("text-danger", state === "reconnecting");
    }

    // Starts a connection. onStart runs after every (re)connection, since a new connection has joined nothing yet.
    function connect(options) {
        var indicator = document.querySelector("[data-live-connection]");
        var connection = new signalR.HubConnectionBuilder()
            .withUrl("/hubs/orders")
            .withAutomaticReconnect({ nextRetryDelayInMilliseconds: retryDelay })
            .configureLogging(signalR.LogLevel.None)
            .build();
        var stopped = false;

        Object.keys(options.handlers || {}).forEach(function (name) {
            connection.on(name, options.handlers[name]);
        });

        connection.onreconnecting(function () { showState(indicator, "reconnecting"); });
        connection.onreconnected(function () {
            showState(indicator, "live");
            options.onStart(connection);
        });
        connection.onclose(function () {
            if (!stopped) {
                showState(indicator, "reconnecting");
                setTimeout(start, 5000, 0);
            }
        });

        function start(attempt) {
            showState(indicator, attempt === 0 ? "connecting" : "reconnecting");
            connection.start().then(function () {
                showState(indicator, "live");
                options.onStart(connection);
            }, function () {
                setTimeout(start, retryDelay({ previousRetryCount: attempt }), attempt + 1);
            });
        }

        start(0);
        return {
            connection: connection,
            stop: function () {
                stopped = true;
                showState(indicator, "stopped");
                return connection.stop();
            },
        };
    }

    window.CoffeeShopLive = { connect: connect, isFinal: function (status) { return status === "Completed" || status === "Cancelled"; } };
})();
