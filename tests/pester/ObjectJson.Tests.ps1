# The one converter between PowerShell values and the cmdlet functions' JSON (module/ApimNative/ObjectJson.cs),
# with the conventions of src/cmdlet/mod.rs.
Describe 'ApimNative.ObjectJson' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'TestSupport.ps1'))
    }

    It 'reads PSTypeName objects as typed PSCustomObjects, other objects as hashtables, SecureStrings as SecureStrings' {
        $read = [ApimNative.ObjectJson]::Read('{"PSTypeName":"Contoso.Thing","Name":"n1","Count":3,"Big":5000000000,"Ratio":0.5,"On":true,"None":null,"Tags":["a","b"],"Mixed":["a",1],"Map":{"Key":"v"},"Secret":{"PSTypeName":"System.Security.SecureString","Value":"s3cret"}}')
        $read.PSObject.TypeNames[0] | Should -Be 'Contoso.Thing'
        $read.PSObject.TypeNames | Should -Contain 'System.Management.Automation.PSCustomObject'
        @($read.PSObject.Properties.Name) | Should -Be @('Name', 'Count', 'Big', 'Ratio', 'On', 'None', 'Tags', 'Mixed', 'Map', 'Secret')
        $read.Count | Should -BeOfType [int]
        $read.Big | Should -BeOfType [long]
        $read.Ratio | Should -BeOfType [double]
        $read.On | Should -BeTrue
        $read.None | Should -BeNullOrEmpty
        $read.Tags.GetType() | Should -Be ([string[]])
        $read.Mixed.GetType() | Should -Be ([object[]])
        $read.Map | Should -BeOfType [hashtable]
        $read.Map['key'] | Should -Be 'v'
        $read.Secret | Should -BeOfType [System.Security.SecureString]
        [System.Net.NetworkCredential]::new('', $read.Secret).Password | Should -Be 's3cret'
    }

    It 'reads member names that are not XML names and text that is not ASCII' {
        $read = [ApimNative.ObjectJson]::Read('{"@odata.type":"#x","1st":"Zürich 東京 🚀","a b":[]}')
        $read['@odata.type'] | Should -Be '#x'
        $read['1st'] | Should -Be 'Zürich 東京 🚀'
        $read['a b'].Count | Should -Be 0
    }

    It 'writes bound parameters: common parameters left out, switches as booleans, SecureStrings and credentials marked, other .NET types by name only' {
        $secure = ConvertTo-SecureString -String 'pa55' -AsPlainText -Force
        $parameters = [ordered]@{
            Verbose        = [switch]$true
            ErrorAction    = 'Stop'
            DefaultProfile = 'ignored'
            Name           = 'n1'
            Flag           = [switch]$true
            Count          = 3
            When           = [datetime]'2026-01-02'
            Password       = $secure
            Credential     = [pscredential]::new('admin', $secure)
            Object         = [pscustomobject]@{ PSTypeName = 'Contoso.Thing'; A = 1 }
            List           = @('x', 2)
            Map            = @{ k = 'v' }
        }
        $json = [ApimNative.ObjectJson]::WriteParameters($parameters)
        $back = ConvertFrom-Json -InputObject $json
        @($back.PSObject.Properties.Name) | Should -Be @('Name', 'Flag', 'Count', 'When', 'Password', 'Credential', 'Object', 'List', 'Map')
        $back.Flag | Should -BeTrue
        $back.Count | Should -Be 3
        $back.When.PSTypeName | Should -Be 'System.DateTime'
        @($back.When.PSObject.Properties).Count | Should -Be 1
        $back.Password.PSTypeName | Should -Be 'System.Security.SecureString'
        $back.Password.Value | Should -Be 'pa55'
        $back.Credential.UserName | Should -Be 'admin'
        $back.Credential.Password.Value | Should -Be 'pa55'
        $back.Object.PSTypeName | Should -Be 'Contoso.Thing'
        $back.Object.A | Should -Be 1
        $back.List | Should -Be @('x', 2)
        $back.Map.k | Should -Be 'v'
    }

    It 'writes a deserialized copy of an object with its Deserialized type name' {
        $original = [pscustomobject]@{ PSTypeName = 'Contoso.Thing'; A = 'b' }
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($original))
        $back = ConvertFrom-Json -InputObject ([ApimNative.ObjectJson]::WriteParameters(@{ Object = $copy }))
        $back.Object.PSTypeName | Should -Be 'Deserialized.Contoso.Thing'
        $back.Object.A | Should -Be 'b'
    }

    It 'reads PSCredential markers as PSCredentials, PSCredential.Empty itself without a UserName' {
        $read = [ApimNative.ObjectJson]::Read('{"A":{"PSTypeName":"System.Management.Automation.PSCredential","UserName":"foo","Password":{"PSTypeName":"System.Security.SecureString","Value":"pa55"}},"B":{"PSTypeName":"System.Management.Automation.PSCredential"},"C":{"PSTypeName":"System.Management.Automation.PSCredential","UserName":"bar"}}')
        $read['A'] | Should -BeOfType [System.Management.Automation.PSCredential]
        $read['A'].UserName | Should -Be 'foo'
        $read['A'].GetNetworkCredential().Password | Should -Be 'pa55'
        [object]::ReferenceEquals($read['B'], [System.Management.Automation.PSCredential]::Empty) | Should -BeTrue
        $read['C'].UserName | Should -Be 'bar'
        $read['C'].GetNetworkCredential().Password | Should -Be ''
    }

    It 'writes a TimeSpan as its ISO 8601 marker and reads ISO 8601 and "c" markers back as TimeSpans' {
        $back = ConvertFrom-Json -InputObject ([ApimNative.ObjectJson]::WriteParameters(@{ Span = [timespan]'1.02:03:04.5'; Zero = [timespan]::Zero }))
        $back.Span.PSTypeName | Should -Be 'System.TimeSpan'
        $back.Span.Value | Should -Be 'P1DT2H3M4.5S'
        $back.Zero.Value | Should -Be 'PT0S'
        $read = [ApimNative.ObjectJson]::Read('{"Iso":{"PSTypeName":"System.TimeSpan","Value":"PT1M30S"},"C":{"PSTypeName":"System.TimeSpan","Value":"1.00:00:05"},"Bad":{"PSTypeName":"System.TimeSpan","Value":"soon"}}')
        $read['Iso'] | Should -BeOfType [timespan]
        $read['Iso'] | Should -Be (New-TimeSpan -Minutes 1 -Seconds 30)
        $read['C'] | Should -Be (New-TimeSpan -Days 1 -Seconds 5)
        $read['Bad'] | Should -Be 'soon'
    }

    It 'refuses a value that contains itself instead of recursing forever' {
        $loop = @{}
        $loop['self'] = $loop
        { [ApimNative.ObjectJson]::WriteParameters(@{ Loop = $loop }) } | Should -Throw '*nested more than 32 levels*'
    }

    It 'reads a value the answer shares once as one instance wherever it is referred to' {
        $read = [ApimNative.ObjectJson]::Read('{"shared":[{"PSTypeName":"Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext","ResourceGroupName":"rg1","ServiceName":"s1"}],"output":[{"Context":{"PSShared":0}},{"Context":{"PSShared":0}},{"Context":{"PSShared":1}}]}')
        $first = $read['output'][0]['Context']
        $first.PSObject.TypeNames[0] | Should -Be 'Microsoft.Azure.Commands.ApiManagement.ServiceManagement.Models.PsApiManagementContext'
        $first.ServiceName | Should -Be 's1'
        [object]::ReferenceEquals($first, $read['output'][1]['Context']) | Should -BeTrue
        # An index the answer does not share is no reference: it stays the object it is.
        $read['output'][2]['Context']['PSShared'] | Should -Be 1
    }

    It 'reads alike with Newtonsoft.Json and with the framework reader (Windows PowerShell 5.1 has only the latter)' {
        $readerType = [ApimNative.ObjectJson].Assembly.GetType('ApimNative.NewtonsoftReader')
        $flags = [System.Reflection.BindingFlags]'NonPublic, Static'
        $readerType.GetProperty('Instance', $flags).GetValue($null) | Should -Not -BeNullOrEmpty
        $frameworkRead = [ApimNative.ObjectJson].GetMethod('ReadWithFrameworkReader', $flags)
        $json = '{"shared":[{"PSTypeName":"ApimNative.BackendTls","ValidateCertificateChain":true}],"n":[3,5000000000,0.5,-1e2,18446744073709551616],"s":["Zürich 東京 🚀","2024-01-01T00:00:00Z","\"q\"\n"],"t":{"PSShared":0},"u":{"PSTypeName":"Contoso.Thing","@odata.type":"#x","None":null,"On":false},"e":{},"a":[]}'
        $shown = foreach ($fastReader in @($true, $false)) {
            if ($fastReader) {
                $read = [ApimNative.ObjectJson]::Read($json)
            }
            else {
                $read = $frameworkRead.Invoke($null, [object[]]@(, [System.Text.Encoding]::UTF8.GetBytes($json)))
            }
            $numbers = @($read['n'] | ForEach-Object { '{0}:{1}' -f $_.GetType().Name, ([System.IFormattable]$_).ToString($null, [cultureinfo]::InvariantCulture) }) -join ','
            $strings = $read['s'] -join '|'
            '{0};{1};{2};{3};{4};{5};{6};{7};{8}' -f $numbers, $strings, $read['s'].GetType().Name, $read['t'].PSObject.TypeNames[0], $read['t'].ValidateCertificateChain,
                $read['u'].PSObject.TypeNames[0], ($read['u'].PSObject.Properties.Name -join ','), $read['e'].GetType().Name, $read['a'].GetType().Name
        }
        $shown[0] | Should -Be 'Int32:3,Int64:5000000000,Double:0.5,Double:-100,Double:1.8446744073709552E+19;Zürich 東京 🚀|2024-01-01T00:00:00Z|"q"
;String[];ApimNative.BackendTls;True;Contoso.Thing;@odata.type,None,On;Hashtable;Object[]'
        $shown[1] | Should -Be $shown[0]
    }
    It 'keeps every object and array of a nested answer its own, siblings at one depth alike (the reader reuses its lists per depth)' {
        # Objects and arrays at the same depth, nested inside each other and one after another:
        # a list still in use being emptied for the next value would lose or mix members here.
        $json = '{"output":[{"a":{"x":[1,{"y":[2,3]},[4,[5]]],"z":{"k":"v"}},"b":[{"c":1},{"c":2,"d":[{"e":[]}]}]},{"a":{"x":[],"z":{}},"b":[]}],"after":{"m":[{"n":1}],"o":"p"}}'
        $flags = [System.Reflection.BindingFlags]'NonPublic, Static'
        $frameworkRead = [ApimNative.ObjectJson].GetMethod('ReadWithFrameworkReader', $flags)
        $shown = foreach ($read in @([ApimNative.ObjectJson]::Read($json), $frameworkRead.Invoke($null, [object[]]@(, [System.Text.Encoding]::UTF8.GetBytes($json))))) {
            $first = $read['output'][0]
            @(
                $read['output'].Count,
                ($first['a']['x'][0]), ($first['a']['x'][1]['y'] -join '+'), ($first['a']['x'][2][0]), ($first['a']['x'][2][1] -join ''),
                $first['a']['z']['k'], (($first['a'].Keys | Sort-Object) -join ','),
                $first['b'][0]['c'], $first['b'][1]['c'], $first['b'][1]['d'][0]['e'].Count, $first['b'].Count,
                $read['output'][1]['a']['x'].Count, $read['output'][1]['a']['z'].Count, $read['output'][1]['b'].Count,
                $read['after']['m'][0]['n'], $read['after']['o'], (($read.Keys | Sort-Object) -join ',')
            ) -join ';'
        }
        $shown[0] | Should -Be '2;1;2+3;4;5;v;x,z;1;2;0;2;0;0;0;1;p;after,output'
        $shown[1] | Should -Be $shown[0]
    }
}
