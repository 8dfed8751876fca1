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

    window.addEventListener("DOMContentLoaded", function () { drawCharts(); wireLocate(); });
})();
