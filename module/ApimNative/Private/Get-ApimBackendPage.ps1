function Get-ApimBackendPage {
    <#
    .SYNOPSIS
    Lists backends one page at a time, writing each page's objects as they arrive, with progress.

    .DESCRIPTION
    Pages are requested one by one (onePage + nextLink) rather than letting the native library
    follow every nextLink in one call: a long list then shows Write-Progress, starts producing
    output at once, and Ctrl+C stops between pages. $filter/$top/$skip are passed to the service;
    with -Top, paging stops once that many backends have been written.
    #>
    [CmdletBinding()]
    param (
        [Parameter(Mandatory = $true)]
        [object]
        $Client,

        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Address,

        [Parameter(Mandatory = $true)]
        [object]
        $Context,

        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [Parameter()]
        [string]
        $Filter,

        [Parameter()]
        [Nullable[int]]
        $Top,

        [Parameter()]
        [Nullable[int]]
        $Skip
    )

    $activity = 'Listing the backends of API Management service {0}' -f $Address['ServiceName']
    $written = 0
    $page = 0
    $nextLink = $null
    try {
        do {
            $page++
            Write-Progress -Activity $activity -Status ('Page {0}, {1} backends so far' -f $page, $written)
            $request = New-ApimBackendRequest -Address $Address
            $request['onePage'] = $true
            if ($nextLink) {
                $request['nextLink'] = $nextLink
            }
            else {
                if ($Filter) {
                    $request['filter'] = $Filter
                }
                if ($null -ne $Top) {
                    $request['top'] = $Top
                }
                if ($null -ne $Skip) {
                    $request['skip'] = $Skip
                }
            }
            $result = Invoke-ApimNative -Client $Client -Operation 'backend_list' -Request $request -Cmdlet $Cmdlet -TargetObject $Address['ServiceName']
            if ($null -eq $result) {
                return
            }
            foreach ($item in @($result.value)) {
                if ($null -eq $item) {
                    continue
                }
                if ($null -ne $Top -and $written -ge $Top) {
                    return
                }
                ConvertFrom-ApimWireBackend -Wire $item -Context $Context
                $written++
            }
            $nextLink = [string]$result.nextLink
            if ($null -ne $Top -and $written -ge $Top) {
                return
            }
        } while ($nextLink)
    }
    finally {
        Write-Progress -Activity $activity -Completed
    }
}
