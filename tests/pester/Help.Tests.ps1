# Issue 16: the help a PowerShell user reads (Get-Help) is complete and truthful.
Describe 'Help' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
        $commands = @(Get-Command -Module ApimNative)
    }

    It 'about_ApimNative exists and covers connecting, the emulator and what differs from Az' {
        $topic = Get-Help -Name about_ApimNative | Out-String
        $topic | Should -Match 'Connect-ApimNative'
        $topic | Should -Match 'Start-ApimNativeEmulator'
        $topic | Should -Match 'WHAT DIFFERS FROM AZ'
    }

    It 'every cmdlet has RELATED LINKS, ending with about_ApimNative; the Az and Graph ones link their Microsoft page' {
        foreach ($command in $commands) {
            $links = @((Get-Help -Name $command.Name -Full).relatedLinks.navigationLink)
            $links.Count | Should -BeGreaterThan 1 -Because $command.Name
            $links[$links.Count - 1].linkText | Should -Be 'about_ApimNative' -Because $command.Name
        }
        @((Get-Help -Name Get-AzApiManagementBackend -Full).relatedLinks.navigationLink.uri) | Should -Contain 'https://learn.microsoft.com/powershell/module/az.apimanagement/get-azapimanagementbackend'
        @((Get-Help -Name Get-MgIdentityApiConnector -Full).relatedLinks.navigationLink.uri) | Should -Contain 'https://learn.microsoft.com/powershell/module/microsoft.graph.identity.signins/get-mgidentityapiconnector'
    }

    It 'the help of Get- and New-AzApiManagementBackend says what an empty -BackendId does' {
        (Get-Help -Name Get-AzApiManagementBackend -Parameter BackendId).Description.Text | Should -Match 'empty or blank string'
        (Get-Help -Name New-AzApiManagementBackend -Parameter BackendId).Description.Text | Should -Match 'empty or blank string'
    }

    It 'Required? is true exactly for the parameters that are mandatory in some parameter set' {
        foreach ($command in $commands) {
            foreach ($parameterHelp in @((Get-Help -Name $command.Name -Full).parameters.parameter)) {
                if ($null -eq $parameterHelp -or @('WhatIf', 'Confirm') -contains $parameterHelp.name) {
                    continue
                }
                $metadata = $command.Parameters[$parameterHelp.name]
                $mandatory = @($metadata.ParameterSets.Values | Where-Object -FilterScript { $_.IsMandatory }).Count -gt 0
                [string]$parameterHelp.required | Should -Be ([string]$mandatory).ToLowerInvariant() -Because ('{0} -{1}' -f $command.Name, $parameterHelp.name)
            }
        }
    }

    It 'a parameter whose help says "This parameter is required." is mandatory in every parameter set it is in' {
        foreach ($command in $commands) {
            foreach ($parameterHelp in @((Get-Help -Name $command.Name -Full).parameters.parameter)) {
                $text = ($parameterHelp.description | ForEach-Object -Process { $_.Text }) -join ' '
                if ($null -eq $parameterHelp -or $text -notmatch 'This parameter is required\.') {
                    continue
                }
                $sets = @($command.Parameters[$parameterHelp.name].ParameterSets.Values)
                @($sets | Where-Object -FilterScript { -not $_.IsMandatory }).Count | Should -Be 0 -Because ('{0} -{1} says it is required' -f $command.Name, $parameterHelp.name)
            }
        }
    }

    It 'every cmdlet that changes something documents -WhatIf and -Confirm and shows its parameter sets' {
        foreach ($command in @($commands | Where-Object -FilterScript { $_.Parameters.ContainsKey('WhatIf') })) {
            $help = Get-Help -Name $command.Name -Full
            $names = @($help.parameters.parameter | ForEach-Object -Process { $_.name })
            $names | Should -Contain 'WhatIf' -Because $command.Name
            $names | Should -Contain 'Confirm' -Because $command.Name
            (Get-Help -Name $command.Name -Parameter WhatIf).Description.Text | Should -Match 'without sending anything' -Because $command.Name
            (Get-Help -Name $command.Name -Parameter Confirm).Description.Text | Should -Match 'confirmation' -Because $command.Name
            @($help.syntax.syntaxItem).Count | Should -Be @($command.ParameterSets).Count -Because $command.Name
        }
    }

    It 'every cmdlet shows one syntax per parameter set, each with that set''s parameters' {
        foreach ($command in $commands) {
            $syntax = @((Get-Help -Name $command.Name -Full).syntax.syntaxItem)
            $syntax.Count | Should -Be @($command.ParameterSets).Count -Because $command.Name
            foreach ($set in $command.ParameterSets) {
                # -WhatIf and -Confirm are compared too: help shows them in every set that has them.
                $own = @($set.Parameters | Where-Object -FilterScript { [System.Management.Automation.PSCmdlet]::CommonParameters -notcontains $_.Name } | ForEach-Object -Process { $_.Name } | Sort-Object)
                $shown = @($syntax | Where-Object -FilterScript {
                        (@($_.parameter | ForEach-Object -Process { $_.name } | Sort-Object) -join ',') -eq ($own -join ',')
                    })
                $shown.Count | Should -BeGreaterThan 0 -Because ('{0} set {1}' -f $command.Name, $set.Name)
            }
        }
    }
}
