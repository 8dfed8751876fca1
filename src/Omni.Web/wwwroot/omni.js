// Turns every <canvas data-chart="{chart.js config}"> into a Chart.js chart. The pages are rendered on the server;
// this is the only script they need.
(function () {
    function drawCharts() {
        if (typeof Chart === "undefined") return;
        document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
            if (canvas.dataset.drawn) return;
            canvas.dataset.drawn = "1";
            new Chart(canvas, JSON.parse(canvas.dataset.chart));
        });
    }

    // "Use my location" on the store locator: the browser's position becomes the lat/lon of the search.
    function wireLocate() {
        document.querySelectorAll("[data-locate]").forEach(function (button) {
            button.addEventListener("click", function () {
                if (!navigator.geolocation) return;
                navigator.geolocation.getCurrentPosition(function (p) {
                    var url = new URL(window.location.href);
                    url.searchParams.set("lat", p.coords.latitude.toFixed(4));
                    url.searchParams.set("lon", p.coords.longitude.toFixed(4));
                    window.location.href = url.toString();
                });
            });
        });
    }

    // A region marked data-live="name" is refreshed in place: the page is fetched again every data-live-seconds and the
    // region's new content swapped in. A failed fetch (offline, signed out) leaves the region as it was until the next try.
    function refreshLiveRegions() {
        document.querySelectorAll("[data-live]").forEach(function (region) {
            var every = (parseInt(region.dataset.liveSeconds, 10) || 5) * 1000;
            function refresh() {
                fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
                    .then(function (response) { return response.ok ? response.text() : null; })
                    .then(function (html) {
                        if (!html) return;
                        var fresh = new DOMParser().parseFromString(html, "text/html")
                            .querySelector('[data-live="' + region.dataset.live + '"]');
                        if (fresh) region.innerHTML = fresh.innerHTML;
                    })
                    .catch(function () { })
                    .then(function () { setTimeout(refresh, every); });
            }
            setTimeout(refresh, every);
        });
    }

    window.addEventListener("DOMContentLoaded", function () { drawCharts(); wireLocate(); refreshLiveRegions(); });
})();
